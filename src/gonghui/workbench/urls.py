from django.urls import path

from gonghui.workbench import views

app_name = "workbench"

urlpatterns = [
    path("", views.home, name="home"),
    path("jobs/", views.jobs, name="jobs"),
    path("jobs/<uuid:pk>/", views.job, name="job"),
    path("jobs/<uuid:pk>/download/", views.job_download, name="job_download"),
    path("jobs/<uuid:pk>/retry/", views.job_retry_view, name="job_retry"),
    path("audit/", views.audit, name="audit"),
]
