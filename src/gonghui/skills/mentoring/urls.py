from django.urls import URLPattern, path

from gonghui.skills.mentoring import views

app_name = "mentoring"

urlpatterns: list[URLPattern] = [
    path("mentoring/", views.pair_list, name="pairs"),
    path("mentoring/new/", views.pair_new, name="pair_new"),
    path("mentoring/mentors/", views.mentor_list, name="mentors"),
    path("mentoring/<int:pk>/", views.pair_detail, name="pair"),
    path("mentoring/<int:pk>/<slug:action>/", views.pair_act, name="act"),
]
