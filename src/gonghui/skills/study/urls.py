from django.urls import URLPattern, path

from gonghui.skills.study import views

app_name = "study"

urlpatterns: list[URLPattern] = [
    path("study/", views.application_list, name="applications"),
    path("study/programmes/", views.programme_list, name="programmes"),
    path("study/programmes/new/", views.programme_new, name="programme_new"),
    path("study/programmes/<int:pk>/", views.programme_detail, name="programme"),
    path("study/<int:pk>/", views.application_detail, name="application"),
    path("study/<int:pk>/file/<slug:which>/", views.application_file, name="file"),
    path("study/<int:pk>/<slug:action>/", views.application_act, name="act"),
]
