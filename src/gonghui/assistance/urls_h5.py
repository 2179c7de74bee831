from django.urls import path

from gonghui.assistance import h5_views

app_name = "aid"

urlpatterns = [
    path("aid/<slug:code>/", h5_views.aid_apply, name="apply"),
]
