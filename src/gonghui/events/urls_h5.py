from django.urls import path

app_name = "events_h5"

urlpatterns: list = []
