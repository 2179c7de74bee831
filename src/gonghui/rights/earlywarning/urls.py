from django.urls import path

from gonghui.rights.earlywarning import checkup_views, setup_views, views

app_name = "earlywarning"

urlpatterns = [
    path("earlywarning/", views.levels, name="levels"),
    path("earlywarning/recompute/", views.recompute, name="recompute"),
    path("earlywarning/warnings/", views.warnings, name="warnings"),
    path("earlywarning/warnings/map/", views.warning_map, name="map"),
    path("earlywarning/warnings/<int:pk>/", views.warning_detail, name="warning"),
    path("earlywarning/warnings/<int:pk>/<slug:action>/", views.warning_act, name="warning_act"),
    path("earlywarning/entries/", setup_views.entry_list, name="entries"),
    path("earlywarning/schemes/", setup_views.schemes, name="schemes"),
    path("earlywarning/schemes/<int:pk>/<slug:action>/", setup_views.scheme_act, name="scheme_act"),
    path("earlywarning/checkups/", checkup_views.checkups, name="checkups"),
    path("earlywarning/checkups/new/", checkup_views.checkup_new, name="checkup_new"),
    path("earlywarning/checkups/<int:pk>/", checkup_views.checkup_detail, name="checkup"),
    path("earlywarning/checkups/<int:pk>/report.pdf", checkup_views.checkup_report, name="checkup_report"),
    path("earlywarning/checkups/<int:pk>/<slug:action>/", checkup_views.checkup_act, name="checkup_act"),
    path("earlywarning/rectifications/", checkup_views.rectifications, name="rectifications"),
]
