"""A URLconf with deliberate mistakes, used only to prove the permission walk catches them."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from gonghui.common.access import staff_view
from gonghui.orgs.models import OrgNode


def unmarked(request: HttpRequest) -> HttpResponse:
    return HttpResponse("no marker")


@staff_view
def all_orgs(request: HttpRequest) -> HttpResponse:
    # Wrong on purpose: reads every org instead of going through the scope.
    return HttpResponse(", ".join(OrgNode.objects.values_list("name", flat=True)))


leaky = (
    [path("unmarked/", unmarked, name="unmarked"), path("all-orgs/", all_orgs, name="all_orgs")],
    "leaky",
)

urlpatterns = [
    path("leaky/", include(leaky)),
    path("", include("gonghui.urls")),
]
