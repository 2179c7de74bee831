from django.urls import path

from gonghui.skills.competitions import stage_views, views

app_name = "competitions"

urlpatterns = [
    path("competitions/", views.competition_list, name="list"),
    path("competitions/new/", views.competition_new, name="new"),
    path("competitions/figures/", views.figures_page, name="figures"),
    path("competitions/<int:pk>/", views.competition_detail, name="detail"),
    path("competitions/<int:pk>/entries/", stage_views.entry_list, name="entries"),
    path("competitions/<int:pk>/<slug:action>/", views.competition_act, name="act"),
    path("competitions/entries/<int:pk>/withdraw/", stage_views.entry_withdraw, name="entry_withdraw"),
    path("competitions/stages/<int:pk>/", stage_views.stage_detail, name="stage"),
    path("competitions/stages/<int:pk>/ranking/", stage_views.ranking_page, name="ranking"),
    path("competitions/stages/<int:pk>/<slug:action>/", stage_views.stage_act, name="stage_act"),
]
