"""The worker's phone pages: find a union, the union's page, and 我的 (card, applications, my data, requests).

The union pages are public and show only what a union prints on its poster; 我的 shows the signed-in
worker's own record and nothing of anyone else's.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gonghui.common.access import public_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.common.portal import MY_SECTIONS, PORTAL_LINKS, UNION_ENTRIES
from gonghui.members.card import card_token
from gonghui.members.changes import change_request_leave
from gonghui.members.choices import ChangeKind, ChangeSource
from gonghui.members.notices import notice_of
from gonghui.members.qr import qr_svg
from gonghui.members.selectors import live_membership
from gonghui.members.worker_access import worker_view
from gonghui.orgs.models import OrgNode
from gonghui.orgs.selectors import public_unions
from gonghui.portal.forms import RequestForm


def portal_links() -> list[tuple[object, str]]:
    """The registered links that need no union (附近服务站, 活动报名 …), with their URLs."""
    return [(link, reverse(link.url_name)) for link in PORTAL_LINKS]


@public_view
def home(request: HttpRequest) -> HttpResponse:
    """Find a union by name, pinyin, initials or the code on its poster."""
    q = request.GET.get("q", request.GET.get("code", "")).strip()[:50]
    found = public_unions(q) if q else []
    if len(found) == 1 and found[0].code == q.lower():
        return redirect("portal:union", code=found[0].code)
    context = {"q": q, "found": found, "searched": bool(q), "links": portal_links()}
    return render(request, "portal/home.html", context)


@public_view
def union_card(request: HttpRequest, code: str) -> HttpResponse:
    # Only poster fields (name, kind, region, address): no staff, members or counts.
    union: OrgNode = get_object_or_404(
        OrgNode.objects.only("code", "name", "kind", "address", "region__name", "is_active").select_related("region"),
        code=code,
        is_active=True,
    )
    entries = []
    for entry in UNION_ENTRIES:
        try:
            entries.append((entry, reverse(entry.url_name, args=[union.code])))
        except NoReverseMatch:  # an entry whose app is not installed
            continue
    return render(request, "portal/union.html", {"union": union, "entries": entries})


@worker_view
@never_cache
def me(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    sections = [(section.title, section.rows(person)) for section in MY_SECTIONS]
    context = {
        "person": person,
        "membership": live_membership(person),
        "sections": sections,
        "links": portal_links(),
    }
    return render(request, "portal/me.html", context)


@worker_view
@never_cache
def card(request: HttpRequest) -> HttpResponse:
    """电子会员卡 with a rotating QR token; the page renews itself before the token expires."""
    membership = live_membership(request.person)  # type: ignore[attr-defined]
    token = card_token(membership) if membership is not None and membership.status == "active" else ""
    context = {
        "membership": membership,
        "qr": qr_svg(token, scale=6) if token else "",
        "token": token,
        "refresh": max(10, settings.CARD_TOKEN_SECONDS - 20),
    }
    return render(request, "portal/card.html", context)


@worker_view
@never_cache
def requests(request: HttpRequest) -> HttpResponse:
    """信息更正 or 退会申请 to the worker's own union."""
    person = request.person  # type: ignore[attr-defined]
    membership = live_membership(person)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        leaving = form.cleaned_data["kind"] == ChangeKind.LEAVE
        if membership is not None and leaving and not form.cleaned_data["confirmed"]:
            confirm = RequestForm(initial={**form.cleaned_data, "confirmed": True})
            return render(request, "portal/requests.html", {"form": confirm, "membership": membership, "confirm": True})
        if membership is None:
            form.add_error(None, _("您目前没有在册或待审核的会籍。"))
        else:
            try:
                filed = change_request_leave(
                    person=person,
                    org=membership.org,
                    kind=form.cleaned_data["kind"],
                    source=ChangeSource.WORKER,
                    detail=form.cleaned_data["detail"],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                note = _("已提交，请等待工会处理。") if filed else _("同类申请正在处理中，请勿重复提交。")
                messages.info(request, note)
                return redirect("portal:me")
    return render(request, "portal/requests.html", {"form": form, "membership": membership})


@worker_view
@never_cache
def notice(request: HttpRequest, pk: int) -> HttpResponse:
    """A notice of one of the worker's unions (their own, or one above it); any other is not found."""
    found = notice_of(request.person, pk)  # type: ignore[attr-defined]
    if found is None:
        raise Http404
    return render(request, "portal/notice.html", {"notice": found})
