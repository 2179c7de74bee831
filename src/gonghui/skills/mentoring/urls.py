from django.urls import URLPattern, path  # noqa: F401

app_name = "mentoring"

urlpatterns: list[URLPattern] = []
