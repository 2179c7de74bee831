from django.urls import path

from gonghui.rights.mediation import h5_views

app_name = "mediation_h5"

urlpatterns = [
    path("me/mediation/", h5_views.mine, name="mine"),
    path("me/mediation/apply/", h5_views.apply, name="apply"),
    path("me/mediation/<int:pk>/", h5_views.case, name="case"),
    path("me/mediation/<int:pk>/withdraw/", h5_views.withdraw, name="withdraw"),
]
