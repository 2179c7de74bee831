"""Reads of the events domain, through the scope. A worker reads only their own sign-ups."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.common.figures import on_days
from gonghui.common.memory import ShortMemory
from gonghui.events.choices import ACTIVE, EventStatus, SignUpStatus
from gonghui.events.models import Event, EventPhoto, SignUp, Team
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for


def events_for(
    user: Any,
    *,
    status: str = "",
    kind: str = "",
    under: OrgNode | None = None,
    year: int | None = None,
    q: str = "",
) -> QuerySet[Event]:
    """Events organised by unions in scope, newest first; `under` narrows to a union's subtree."""
    qs = scope_for(user).filter(Event.objects.select_related("org", "station"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(starts_at__year=year)
    if q.strip():
        qs = qs.filter(title__contains=q.strip())
    return qs.order_by("-pk")


@dataclass(frozen=True)
class EventFilters:
    """The event list's filters (the 活动 figures' drill-down): events_for's, and the days an event starts in
    (local, inclusive) as the figures count a period, those ended or not yet ("past", "upcoming", as of now),
    the main events only (items "0": not a sports meeting's items)."""

    status: str = ""
    kind: str = ""
    under: OrgNode | None = None
    year: int | None = None
    q: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    when: str = ""
    items: str = ""


def events_listed(user: Any, filters: EventFilters) -> QuerySet[Event]:
    f = filters
    qs = events_for(user, status=f.status, kind=f.kind, under=f.under, year=f.year, q=f.q)
    qs = qs.filter(on_days("starts_at", f.start, f.end))
    if f.items == "0":
        qs = qs.filter(parent__isnull=True)
    if f.when == "upcoming":
        qs = qs.filter(ends_at__gt=timezone.now())
    elif f.when == "past":
        qs = qs.filter(ends_at__lte=timezone.now())
    return qs


def event_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Event:
    event: Event = get_object_or_404(Event.objects.select_related("org", "audience_org", "station", "parent"), pk=pk)
    require(user, event.org, perm)
    return event


# A door scanner uploads scan after scan for one event: who may run that door, and the event's times and
# status, are kept in the worker process for a few seconds instead of being read twice per scan. A change
# to the event forgets them at once in the process that made it; elsewhere it, and a revoked role, take
# effect within DOOR_CACHE_SECONDS. What a scan writes is always decided in the database.
DOOR_CACHE_SECONDS = 10.0
_doors: ShortMemory[tuple[int, int], Event] = ShortMemory(limit=1000)


def forget_doors() -> None:
    """Drop this process's remembered doors (after a change to an event, and in tests)."""
    _doors.clear()


def event_for_door(user: Any, pk: int) -> Event:
    """The event whose door the user runs (Perm.ORG_EDIT): only what a scan needs."""
    key = (user.pk, pk)
    cached = _doors.get(key, max_age=DOOR_CACHE_SECONDS)
    if cached is not None:
        return cached
    fields = ("org__path", "kind", "title", "starts_at", "ends_at", "walk_ins", "members_only", "status")
    event: Event = get_object_or_404(Event.objects.select_related("org").only(*fields), pk=pk)
    require(user, event.org, Perm.ORG_EDIT)
    _doors.put(key, event)
    return event


def team_events_for(user: Any) -> QuerySet[Event]:
    """Published team events a union in the user's scope may enter: the audience's subtree holds that union."""
    scope = scope_for(user, Perm.ORG_EDIT)
    if scope.is_empty:
        return Event.objects.none()
    ancestors = Q()
    for path in scope.paths:
        # An event is open to the user's unions when its audience is at or above one of their nodes.
        prefixes = paths_up(path)
        ancestors |= Q(audience_org__path__in=prefixes) | Q(audience_org__isnull=True, org__path__in=prefixes)
    qs = Event.objects.filter(status=EventStatus.PUBLISHED, team_size_max__gt=0, ends_at__gt=timezone.now())
    if not scope.everything:
        qs = qs.filter(ancestors | scope.q("org__"))
    return qs.select_related("org").annotate(left=F("capacity") - F("held")).order_by("starts_at")


def public_events(*, upcoming_only: bool = True, for_union: OrgNode | None = None) -> QuerySet[Event]:
    """Published events anyone may read about (the poster's fields), soonest first; `for_union` keeps those
    whose audience holds that union, and those open to non-members."""
    qs = Event.objects.filter(status=EventStatus.PUBLISHED, parent__isnull=True).select_related("org", "station")
    if upcoming_only:
        qs = qs.filter(ends_at__gt=timezone.now())
    if for_union is not None:
        above = paths_up(for_union.path)
        qs = qs.filter(
            Q(members_only=False) | Q(audience_org__path__in=above) | Q(audience_org__isnull=True, org__path__in=above)
        )
    return qs.order_by("starts_at", "pk")


def public_event_get(pk: int) -> Event:
    event: Event = get_object_or_404(
        Event.objects.select_related("org", "station", "audience_org", "parent"),
        pk=pk,
        status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED],
    )
    return event


def signups_of(person: Person) -> QuerySet[SignUp]:
    """The worker's own sign-ups, newest first."""
    return SignUp.objects.filter(person=person).select_related("event", "event__org", "team").order_by("-pk")


def signup_of(person: Person, pk: int) -> SignUp:
    """One of the worker's own sign-ups; anyone else's is a 404."""
    signup: SignUp = get_object_or_404(signups_of(person), pk=pk)
    return signup


def active_signup(event: Event, person: Person) -> SignUp | None:
    return SignUp.objects.filter(event=event, person=person, status__in=ACTIVE).first()


def signup_for_cadre(user: Any, pk: int) -> SignUp:
    """A sign-up a cadre may act on (Perm.ORG_EDIT): at an event they organise, or of a member of their
    union; 404 outside what they see at all, 403 where they see but may not act."""
    signup: SignUp = get_object_or_404(SignUp.objects.select_related("event__org", "org", "person", "team"), pk=pk)
    acting = scope_for(user, Perm.ORG_EDIT)
    if acting.contains(signup.event.org) or (signup.org is not None and acting.contains(signup.org)):
        return signup
    seeing = scope_for(user)
    if seeing.contains(signup.event.org) or (signup.org is not None and seeing.contains(signup.org)):
        raise PermissionDenied
    raise Http404


def signups_for_event(event: Event) -> QuerySet[SignUp]:
    """The event's sign-ups for its organiser (the caller has checked the scope): confirmed first, then the
    waiting list in order."""
    return (
        SignUp.objects.filter(event=event)
        .exclude(status__in=[SignUpStatus.CANCELLED, SignUpStatus.LAPSED])
        .select_related("person", "org", "team")
        .order_by("status", "pk")
    )


def waiting_position(signup: SignUp) -> int | None:
    if signup.status != SignUpStatus.WAITING:
        return None
    ahead = SignUp.objects.filter(event_id=signup.event_id, status=SignUpStatus.WAITING, pk__lt=signup.pk).count()
    return ahead + 1


def signup_counts(event: Event) -> dict[str, int]:
    rows = SignUp.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=SignUpStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=SignUpStatus.WAITING)),
        offered=Count("pk", filter=Q(status=SignUpStatus.OFFERED)),
        walk_ins=Count("pk", filter=Q(status=SignUpStatus.WALK_IN)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        checked_out=Count("pk", filter=Q(checked_out_at__isnull=False)),
    )
    return {key: value or 0 for key, value in rows.items()}


def teams_for(user: Any, perm: Perm = Perm.VIEW) -> QuerySet[Team]:
    """Teams entered by unions in the user's scope (with `perm`)."""
    return scope_for(user, perm).filter(Team.objects.select_related("event", "org")).order_by("-pk")


def public_photo_get(pk: int) -> EventPhoto:
    """A photo of a published (or since cancelled) event: event materials are publicity, never a draft's."""
    photo: EventPhoto = get_object_or_404(
        EventPhoto.objects.select_related("event"),
        pk=pk,
        event__status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED],
    )
    return photo
