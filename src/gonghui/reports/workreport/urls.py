from django.urls import URLPattern

app_name = "workreport"

urlpatterns: list[URLPattern] = []
