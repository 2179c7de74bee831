from django.urls import path

from gonghui.skills.certification import views

app_name = "certification"

urlpatterns = [
    path("certification/pilots/", views.pilot_list, name="pilots"),
    path("certification/pilots/new/", views.pilot_new, name="pilot_new"),
    path("certification/pilots/<int:pk>/", views.pilot_detail, name="pilot"),
    path("certification/pilots/<int:pk>/<slug:action>/", views.pilot_act, name="pilot_act"),
    path("certification/batches/", views.batch_list, name="batches"),
    path("certification/batches/new/", views.batch_new, name="batch_new"),
    path("certification/batches/<int:pk>/", views.batch_detail, name="batch"),
    path("certification/batches/<int:pk>/import/", views.batch_import, name="batch_import"),
    path("certification/batches/<int:pk>/<slug:action>/", views.batch_act, name="batch_act"),
    path("certification/results/", views.results, name="results"),
]
