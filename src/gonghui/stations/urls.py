from django.urls import path

from gonghui.stations import views

app_name = "stations"

urlpatterns = [
    path("stations/", views.station_list, name="list"),
    path("stations/map/", views.station_map, name="map"),
    path("stations/new/", views.station_new, name="new"),
    path("stations/<int:pk>/", views.station_detail, name="detail"),
    path("stations/<int:pk>/edit/", views.station_edit, name="edit"),
    path("stations/<int:pk>/hours/", views.station_hours, name="hours"),
    path("stations/<int:pk>/special-days/", views.special_day_add, name="special_day_add"),
    path("stations/special-days/<int:pk>/delete/", views.special_day_delete, name="special_day_delete"),
    path("stations/<int:pk>/photos/", views.photo_add, name="photo_add"),
    path("stations/photos/<int:pk>/", views.photo, name="photo"),
    path("stations/photos/<int:pk>/delete/", views.photo_delete, name="photo_delete"),
    path("stations/<int:pk>/close/", views.station_close, name="close"),
    path("stations/<int:pk>/reopen/", views.station_reopen, name="reopen"),
    path("stations/<int:pk>/reveal-phone/", views.reveal_phone, name="reveal_phone"),
    path("stations/<int:pk>/poster/", views.poster, name="poster"),
    path("stations/<int:pk>/qr.<slug:fmt>", views.poster_qr, name="poster_qr"),
    path("stations/<int:pk>/usage/", views.usage, name="usage"),
    path("stations/<int:pk>/rooms/", views.room_new, name="room_new"),
    path("stations/<int:pk>/apply/<int:title_pk>/", views.apply, name="apply"),
    path("stations/ratings/", views.ratings, name="ratings"),
    path("stations/ratings/titles/new/", views.title_new, name="title_new"),
    path("stations/ratings/titles/<int:pk>/", views.title_detail, name="title"),
    path("stations/ratings/applications/<int:pk>/", views.application_detail, name="application"),
    path("stations/ratings/applications/<int:pk>/review/", views.application_review, name="application_review"),
    path("stations/ratings/applications/<int:pk>/decide/", views.application_decide, name="application_decide"),
    path("stations/ratings/<int:pk>/revoke/", views.rating_revoke, name="rating_revoke"),
    path("stations/bookings/", views.bookings, name="bookings"),
    path("stations/bookings/new/", views.booking_new, name="booking_new"),
    path("stations/bookings/<int:pk>/decide/", views.booking_decide, name="booking_decide"),
    path("stations/bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
]
