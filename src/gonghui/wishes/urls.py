from django.urls import path

from gonghui.wishes import views

app_name = "wishes"

urlpatterns = [
    path("wishes/", views.wish_list, name="list"),
    path("wishes/new/", views.wish_new, name="new"),
    path("wishes/caps/", views.caps, name="caps"),
    path("wishes/<int:pk>/", views.wish_detail, name="detail"),
    path("wishes/<int:pk>/<slug:action>/", views.wish_act, name="act"),
    path("wishes/claims/<int:pk>/fulfil/", views.claim_fulfil, name="fulfil"),
    path("wishes/claims/<int:pk>/photo/", views.claim_photo, name="photo"),
]
