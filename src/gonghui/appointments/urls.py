from django.urls import path

from gonghui.appointments import views

app_name = "appointments"

urlpatterns = [
    path("appointments/providers/", views.providers, name="providers"),
    path("appointments/providers/new/", views.provider_new, name="provider_new"),
    path("appointments/providers/<int:pk>/", views.provider_detail, name="provider"),
    path("appointments/providers/<int:pk>/<slug:action>/", views.provider_act, name="provider_act"),
    path("appointments/desk/", views.desk, name="desk"),
    path("appointments/counts/", views.counts, name="counts"),
    path("appointments/counts/export/", views.counts_export, name="counts_export"),
    path("appointments/settings/", views.settings_page, name="settings"),
    path("appointments/settings/<slug:action>/", views.settings_act, name="settings_act"),
    path("appointments/risk-flags/", views.risk_flags, name="risk_flags"),
    path("appointments/risk-flags/<int:pk>/ack/", views.risk_ack, name="risk_ack"),
]
