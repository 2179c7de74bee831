from django.urls import URLPattern, path  # noqa: F401

app_name = "legalaid_h5"

urlpatterns: list[URLPattern] = []
