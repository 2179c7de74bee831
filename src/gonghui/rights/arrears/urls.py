from django.urls import path

from gonghui.rights.arrears import act_views, views

app_name = "arrears"

urlpatterns = [
    path("arrears/", views.reports, name="reports"),
    path("arrears/export/", views.export, name="export"),
    path("arrears/new/", views.report_new, name="new"),
    path("arrears/stats/", views.stats_page, name="stats"),
    path("arrears/drives/", views.drive_list, name="drives"),
    path("arrears/enterprises/<int:pk>/", views.enterprise_record, name="enterprise"),
    path("arrears/<int:pk>/", views.report_detail, name="detail"),
    path("arrears/<int:pk>/<slug:action>/", act_views.report_act, name="act"),
]
