from django.urls import path

from gonghui.portal import signin_views, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("u/<slug:code>/", views.union_card, name="union"),
    path("me/", views.me, name="me"),
    path("me/card/", views.card, name="card"),
    path("me/requests/", views.requests, name="requests"),
    path("me/notices/<int:pk>/", views.notice, name="notice"),
    path("me/signin/", signin_views.signin, name="signin"),
    path("me/identify/", signin_views.identify, name="identify"),
    path("me/old-number/", signin_views.old_number, name="old_number"),
    path("me/mobile-change/", signin_views.mobile_change, name="mobile_change"),
    path("me/signout/", signin_views.signout, name="signout"),
]
