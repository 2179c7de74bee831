from django.urls import path

app_name = "stations_h5"

urlpatterns: list = []
