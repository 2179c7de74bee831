from django.urls import path

from gonghui.reports import dashboard_views, screen_views, views

app_name = "reports"

urlpatterns = [
    path("reports/figures/", views.figures, name="figures"),
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("dashboard/export/", dashboard_views.dashboard_export, name="dashboard_export"),
    path("screen/", screen_views.screen, name="screen"),
    path("screen/live/", screen_views.screen_live, name="screen_live"),
]
