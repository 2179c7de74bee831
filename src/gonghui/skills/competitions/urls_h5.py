from django.urls import path

from gonghui.skills.competitions import h5_views

app_name = "competitions_h5"

urlpatterns = [
    path("judge/", h5_views.judge_home, name="judge_home"),
    path("judge/stages/<int:pk>/", h5_views.judge_stage, name="judge_stage"),
    path("judge/stages/<int:pk>/entries/<int:entry_pk>/", h5_views.judge_score, name="judge_score"),
    path("competitions/<int:pk>/notice/", h5_views.notice, name="notice"),
]
