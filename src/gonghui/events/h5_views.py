"""The worker's phone pages of events: what's on, the event page, sign-up, my ticket, and 交友.

The list and the event page are public (what a poster says). Signing up, the ticket and the 交友 pages
need a signed-in worker and show only their own sign-ups.
"""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.common.access import public_view
from gonghui.common.form_errors import apply_validation_error, flash_outcome
from gonghui.events import selectors, signups, social
from gonghui.events.eligibility import person_problem, window_problem
from gonghui.events.forms import SocialProfileForm
from gonghui.events.models import Event, SocialProfile
from gonghui.events.tickets import ticket_token
from gonghui.members.qr import qr_svg
from gonghui.members.selectors import live_membership
from gonghui.members.worker_access import worker_view
from gonghui.members.worker_accounts import person_of


@public_view
def event_list(request: HttpRequest) -> HttpResponse:
    """What's on; a signed-in member sees the events open to their union (and those open to all)."""
    person = person_of(request.user)
    membership = live_membership(person) if person else None
    events = selectors.public_events(for_union=membership.org if membership else None)
    return render(request, "events/h5/list.html", {"events": list(events[:50])})


@public_view
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.public_event_get(pk)
    person = person_of(request.user)
    mine = selectors.active_signup(event, person) if person else None
    problem = window_problem(event)
    if person and not mine and not problem:
        problem = person_problem(event, person, live_membership(person))
    context = {
        "event": event,
        "left": max(event.capacity - event.held, 0),
        "mine": mine,
        "problem": problem,
        "signed_in": person is not None,
        "items": event.items.filter(status=event.status).order_by("starts_at"),
        "photos": event.photos.all()[:12],
    }
    return render(request, "events/h5/detail.html", context)


@worker_view
@require_POST
def sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.public_event_get(pk)
    person = request.person  # type: ignore[attr-defined]
    try:
        signup = signups.signup_create(event=event, person=person)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("events_h5:detail", pk=pk)
    if signup.status == "confirmed":
        messages.success(request, _("报名成功！到场时出示活动票券签到。"))
    else:
        position = selectors.waiting_position(signup)
        messages.success(
            request, _("名额已满，您已进入候补，排第%(n)s位；有名额空出时，“我的”会提示您限时确认。") % {"n": position}
        )
    return redirect("events_h5:ticket", pk=signup.pk)


@worker_view
@never_cache
def my_events(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.signups_of(request.person)[:50])  # type: ignore[attr-defined]
    return render(request, "events/h5/mine.html", {"rows": rows})


@worker_view
@never_cache
def ticket(request: HttpRequest, pk: int) -> HttpResponse:
    signup = selectors.signup_of(request.person, pk)  # type: ignore[attr-defined]
    signups.offers_expire(event=signup.event)
    signup.refresh_from_db()
    show = signup.status in ("confirmed", "offered", "walk_in") and not signup.checked_in_at
    context = {
        "signup": signup,
        "event": signup.event,
        "qr": qr_svg(ticket_token(signup)) if show else "",
        "position": selectors.waiting_position(signup),
    }
    return render(request, "events/h5/ticket.html", context)


def _own_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    signup = selectors.signup_of(request.person, pk)  # type: ignore[attr-defined]

    def act() -> str:
        if action == "cancel":
            signups.signup_cancel(signup=signup)
            return _("已取消报名。")
        signups.offer_accept(signup=signup)
        return _("已确认参加，报名成功！")

    flash_outcome(request, act)
    return redirect("events_h5:ticket", pk=pk)


@worker_view
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    return _own_action(request, pk, "cancel")


@worker_view
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _own_action(request, pk, "accept")


@worker_view
@never_cache
def social_profile(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    profile = SocialProfile.objects.filter(person=person).first()
    initial = {}
    if profile is not None:
        initial = {f: getattr(profile, f) for f in SocialProfileForm.base_fields if f != "shown"}
        initial["shown"] = profile.shown
    form = SocialProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            social.social_profile_save(person=person, data=form.profile_fields())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已保存交友资料。"))
            back = request.GET.get("next", "")
            safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False)
            return redirect(back if back and safe else "events_h5:social_profile")
    return render(request, "events/h5/social_profile.html", {"form": form})


@worker_view
@never_cache
def social_peers(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.public_event_get(pk)
    peers = social.social_peers(event=event, person=request.person)  # type: ignore[attr-defined]
    return render(request, "events/h5/social_peers.html", {"event": event, "peers": peers})


def _file(field: object) -> FileResponse:
    name = getattr(field, "name", "")
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(field.open("rb"), content_type=content_type)  # type: ignore[attr-defined]


@public_view
def photo(request: HttpRequest, pk: int) -> FileResponse:
    return _file(selectors.public_photo_get(pk).image)


@public_view
def cover(request: HttpRequest, pk: int) -> HttpResponse | FileResponse:
    event: Event = selectors.public_event_get(pk)
    if not event.cover:
        return HttpResponse(status=404)
    return _file(event.cover)
