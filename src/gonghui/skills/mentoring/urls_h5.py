from django.urls import URLPattern, path

from gonghui.skills.mentoring import h5_views

app_name = "mentoring_h5"

urlpatterns: list[URLPattern] = [
    path("me/mentoring/", h5_views.mine, name="mine"),
    path("me/mentoring/<int:pk>/evaluate/", h5_views.evaluate, name="evaluate"),
]
