from django.urls import path

from gonghui.h5 import views

app_name = "h5"

urlpatterns = [
    path("", views.home, name="home"),
    path("u/<slug:code>/", views.union_card, name="union"),
]
