from django.urls import path

from gonghui.stations import h5_views

app_name = "stations_h5"

urlpatterns = [
    path("stations/", h5_views.near, name="near"),
    path("stations/<int:pk>/", h5_views.station, name="station"),
    path("stations/photos/<int:pk>/", h5_views.photo, name="photo"),
    path("stations/v/<str:token>/", h5_views.visit, name="visit"),
    path("stations/rooms/<int:pk>/book/", h5_views.book, name="book"),
    path("stations/bookings/", h5_views.my_bookings, name="my_bookings"),
    path("stations/bookings/<int:pk>/cancel/", h5_views.my_booking_cancel, name="my_booking_cancel"),
]
