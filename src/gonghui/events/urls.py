from django.urls import path

from gonghui.events import views

app_name = "events"

urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/new/", views.event_new, name="new"),
    path("events/teams/", views.team_events, name="team_events"),
    path("events/teams/<int:pk>/withdraw/", views.team_withdraw, name="team_withdraw"),
    path("events/<int:pk>/", views.event_detail, name="detail"),
    path("events/<int:pk>/edit/", views.event_edit, name="edit"),
    path("events/<int:pk>/publish/", views.event_publish, name="publish"),
    path("events/<int:pk>/cancel/", views.event_cancel, name="cancel"),
    path("events/<int:pk>/summary/", views.event_summary, name="summary"),
    path("events/<int:pk>/photos/", views.event_photo, name="photo_add"),
    path("events/<int:pk>/team/", views.team_new, name="team_new"),
    path("events/<int:pk>/door/", views.door, name="door"),
    path("events/<int:pk>/attendance.xlsx", views.attendance_export, name="attendance_export"),
    path("events/<int:pk>/poster/", views.poster, name="poster"),
    path("events/<int:pk>/qr.<str:fmt>", views.poster_qr, name="poster_qr"),
]
