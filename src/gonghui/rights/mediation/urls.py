from django.urls import path

from gonghui.rights.mediation import act_views, views

app_name = "mediation"

urlpatterns = [
    path("mediation/", views.disputes, name="disputes"),
    path("mediation/export/", views.export, name="export"),
    path("mediation/new/", views.dispute_new, name="new"),
    path("mediation/stats/", views.stats_page, name="stats"),
    path("mediation/panels/", act_views.panel_list, name="panels"),
    path("mediation/panels/<slug:action>/", act_views.panel_act, name="panel_act"),
    path("mediation/<int:pk>/", views.dispute_detail, name="detail"),
    path("mediation/<int:pk>/agreement.<str:fmt>", views.document, name="document"),
    path("mediation/<int:pk>/<slug:action>/", act_views.dispute_act, name="act"),
]
