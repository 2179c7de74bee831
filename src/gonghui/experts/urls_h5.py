from django.urls import path

from gonghui.experts import h5_views

app_name = "desk"

urlpatterns = [
    path("desk/mine/", h5_views.my_needs, name="mine"),
    path("desk/invitations/<int:pk>/", h5_views.invitation, name="invitation"),
    path("desk/<slug:code>/", h5_views.post_need, name="post"),
]
