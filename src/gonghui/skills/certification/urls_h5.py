from django.urls import path

from gonghui.skills.certification import h5_views

app_name = "certification_h5"

urlpatterns = [
    path("certificates/<slug:number>/", h5_views.verify, name="verify"),
]
