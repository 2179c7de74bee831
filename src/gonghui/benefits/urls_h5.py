from django.urls import path

from gonghui.benefits import h5_views

app_name = "benefits_h5"

urlpatterns = [
    path("me/cards/", h5_views.cards, name="cards"),
    path("me/cards/apply/<int:pk>/", h5_views.apply, name="apply"),
    path("me/cards/<int:pk>/lost/", h5_views.report_lost, name="lost"),
]
