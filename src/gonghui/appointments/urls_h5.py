from django.urls import path

from gonghui.appointments import h5_views, provider_views

app_name = "appointments_h5"

urlpatterns = [
    path("me/appointments/", h5_views.services_page, name="services"),
    path("me/appointments/providers/<int:pk>/", h5_views.provider_page, name="provider"),
    path("me/appointments/providers/<int:pk>/book/", h5_views.book, name="book"),
    path("me/appointments/<int:pk>/cancel/", h5_views.cancel, name="cancel"),
    path("me/appointments/<int:pk>/reschedule/", h5_views.reschedule, name="reschedule"),
    path("provider/enter/", provider_views.enter, name="enter"),
    path("provider/", provider_views.calendar, name="calendar"),
    path("provider/appointments/<int:pk>/", provider_views.session, name="session"),
    path("provider/appointments/<int:pk>/<slug:action>/", provider_views.session_act, name="session_act"),
]
