from django.urls import path

from gonghui.events import h5_views

app_name = "events_h5"

urlpatterns = [
    path("events/", h5_views.event_list, name="list"),
    path("events/<int:pk>/", h5_views.event_detail, name="detail"),
    path("events/<int:pk>/signup/", h5_views.sign_up, name="signup"),
    path("events/<int:pk>/cover/", h5_views.cover, name="cover"),
    path("events/<int:pk>/peers/", h5_views.social_peers, name="peers"),
    path("events/photos/<int:pk>/", h5_views.photo, name="photo"),
    path("me/events/", h5_views.my_events, name="mine"),
    path("me/events/<int:pk>/", h5_views.ticket, name="ticket"),
    path("me/events/<int:pk>/cancel/", h5_views.cancel, name="cancel"),
    path("me/events/<int:pk>/accept/", h5_views.accept, name="accept"),
    path("me/social/", h5_views.social_profile, name="social_profile"),
]
