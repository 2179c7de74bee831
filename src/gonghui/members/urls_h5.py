from django.urls import path

from gonghui.members import h5_views

app_name = "join"

urlpatterns = [
    path("join/<slug:code>/", h5_views.join, name="org"),
    path("join/c/<slug:code>/", h5_views.join_target, name="join_target"),
    path("progress/", h5_views.progress, name="progress"),
]
