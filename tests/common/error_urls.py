"""The app's URLs plus two views that fail on purpose, for the error-answer tests."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from gonghui.common.access import public_view


@public_view
def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


urlpatterns = [path("api/v1/boom", boom), path("boom/", boom), path("", include("gonghui.urls"))]

handler404 = "gonghui.common.error_views.page_not_found"
handler500 = "gonghui.common.error_views.server_error"
