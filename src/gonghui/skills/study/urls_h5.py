from django.urls import URLPattern, path

from gonghui.skills.study import h5_views

app_name = "study_h5"

urlpatterns: list[URLPattern] = [
    path("me/study/", h5_views.mine, name="mine"),
    path("me/study/apply/", h5_views.apply, name="apply"),
    path("me/study/<int:pk>/withdraw/", h5_views.withdraw, name="withdraw"),
]
