from django.urls import URLPattern, path  # noqa: F401

app_name = "contracts_h5"

urlpatterns: list[URLPattern] = []
