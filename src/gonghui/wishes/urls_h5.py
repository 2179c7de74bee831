from django.urls import path

from gonghui.wishes import h5_views

app_name = "wishes_h5"

urlpatterns = [
    path("wishes/", h5_views.wall, name="wall"),
    path("wishes/<int:pk>/", h5_views.wish_detail, name="detail"),
    path("wishes/<int:pk>/claim/", h5_views.claim, name="claim"),
    path("me/wishes/", h5_views.mine, name="mine"),
    path("me/wishes/new/", h5_views.wish_new, name="new"),
    path("me/wishes/<int:pk>/<slug:action>/", h5_views.wish_act, name="wish_act"),
    path("me/wishes/claims/<int:pk>/photo/", h5_views.claim_photo, name="photo"),
    path("me/wishes/claims/<int:pk>/<slug:action>/", h5_views.claim_act, name="claim_act"),
]
