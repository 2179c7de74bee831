"""Workbench: 信息变更待核实 (changes a public form or a worker asked for) and the member-card scanner."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.members import selectors
from gonghui.members.card import CardInvalid, card_check
from gonghui.members.changes import change_request_decide


@staff_view
def change_list(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.changes_for(request.user)[:200])
    return render(request, "members/changes.html", {"rows": rows})


@staff_view
@require_POST
def change_decide(request: HttpRequest, pk: int) -> HttpResponse:
    change = selectors.change_get_for(request.user, pk)
    try:
        change_request_decide(
            actor=request.user,
            change=change,
            approve=request.POST.get("decision") == "approve",
            reason=request.POST.get("reason", ""),
            request=request,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, change.person.name + " · " + change.get_kind_display() + " ✓")
    return redirect("members:changes")


@staff_view
def card_scanner(request: HttpRequest) -> HttpResponse:
    """A handheld scanner types the QR token into the field; the answer is membership only, no ID or mobile."""
    context: dict[str, object] = {}
    if request.method == "POST":
        try:
            context["card"] = card_check(request.POST.get("token", "")[:500])
        except CardInvalid as exc:
            context["error"] = str(exc)
    return render(request, "members/scanner.html", context)
