"""Events over the API: list, detail, create and publish; sign-ups (by a cadre for a member in their
scope), cancel; check-in for a scanner app (batches of scans with nonces, and the offline list); attendance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from gonghui.common.api_fields import Text50, Text64, Text100, Text200, Text500, Year
from gonghui.common.masking import mask_text
from gonghui.common.paging import page_after
from gonghui.events import selectors, services, signups, teams
from gonghui.events.attendance import attendance_of
from gonghui.events.checkin import ScanIn, scans_record
from gonghui.events.choices import Direction, EventKind, EventStatus, ScanOutcome, SignUpStatus, VisitorCategory
from gonghui.events.models import Event, Scan, SignUp, Team
from gonghui.events.tickets import ticket_digest, ticket_token
from gonghui.members.choices import EmploymentForm
from gonghui.members.selectors import membership_get_for
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.stations.selectors import stations_for

router = Router(tags=["events"])
MAX_BATCH = 500


class EventOut(Schema):
    id: int
    org: str
    kind: EventKind
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    station_id: int | None
    capacity: int
    held: int
    status: EventStatus
    team_event: bool
    parent_id: int | None

    @staticmethod
    def resolve_org(obj: Event) -> str:
        return obj.org.code

    @staticmethod
    def resolve_team_event(obj: Event) -> bool:
        return obj.is_team_event


class EventPage(Schema):
    items: list[EventOut]
    next_after: int | None


class EventIn(Schema):
    org_code: Text100
    kind: EventKind
    title: Text100
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int = Field(ge=1, le=100_000)
    description: Text500 = ""
    address: Text200 = ""
    station_id: int | None = None
    audience_code: Text100 = ""
    members_only: bool = True
    employment_form: EmploymentForm | None = None
    women_only: bool = False
    signup_opens_at: dt.datetime | None = None
    signup_closes_at: dt.datetime | None = None
    fee: Decimal = Field(default=Decimal(0), ge=0, max_digits=8, decimal_places=2)
    team_size_min: int = Field(default=0, ge=0, le=200)
    team_size_max: int = Field(default=0, ge=0, le=200)
    teams_per_union: int = Field(default=1, ge=1, le=50)
    walk_ins: bool = True
    check_out: bool = False
    parent_id: int | None = None


class SignUpOut(Schema):
    id: int
    event_id: int
    name: str
    org: str | None
    status: SignUpStatus
    waiting_position: int | None = None
    team: str | None
    checked_in_at: dt.datetime | None
    checked_out_at: dt.datetime | None

    @staticmethod
    def resolve_name(obj: SignUp) -> str:
        return "" if obj.event.is_social else obj.person.name  # 交友: counts, never names

    @staticmethod
    def resolve_org(obj: SignUp) -> str | None:
        return obj.org.code if obj.org else None

    @staticmethod
    def resolve_team(obj: SignUp) -> str | None:
        return obj.team.name if obj.team else None


class SignUpIn(Schema):
    membership_id: int


class ScanItem(Schema):
    nonce: Text64
    token: Text500 = ""
    direction: Direction = Direction.IN
    scanned_at: dt.datetime | None = None
    category: VisitorCategory | None = None


class ScanBatch(Schema):
    scans: list[ScanItem] = Field(min_length=1, max_length=MAX_BATCH)


class ScanOut(Schema):
    nonce: str
    outcome: ScanOutcome
    reason: str
    signup_id: int | None
    scanned_at: dt.datetime


class OfflineTicket(Schema):
    signup_id: int
    digest: str  # sha256 of the ticket's QR text, first 20 hex digits: match a scan without the network
    name: str  # masked: 张*三
    org: str | None
    status: SignUpStatus
    checked_in: bool


class UnionAttendance(Schema):
    union: str
    signed_up: int
    came: int


class CategoryAttendance(Schema):
    category: str
    came: int


class AttendanceOut(Schema):
    signed_up: int
    checked_in: int
    walk_ins_with_card: int
    walk_ins_without_card: int
    came: int  # checked in, with walk-ins without a card
    by_union: list[UnionAttendance]
    by_category: list[CategoryAttendance]


class TeamIn(Schema):
    org_code: Text100
    name: Text50
    member_nos: list[Text50] = Field(min_length=1, max_length=200)


class TeamOut(Schema):
    id: int
    event_id: int
    org: str
    name: str
    members: int

    @staticmethod
    def resolve_org(obj: Team) -> str:
        return obj.org.code

    @staticmethod
    def resolve_members(obj: Team) -> int:
        return obj.members.count()


def _fields(request: HttpRequest, payload: EventIn) -> services.EventFields:
    station = None
    if payload.station_id is not None:
        station = stations_for(request.user, active=True).filter(pk=payload.station_id).first()
        if station is None:
            raise ValidationError({"station_id": _("找不到该阵地，或它不在您的管理范围内。")})
    audience = org_selectors.org_pick_for(request.user, payload.audience_code) if payload.audience_code else None
    parent = selectors.event_get_for(request.user, payload.parent_id) if payload.parent_id else None
    return services.EventFields(
        kind=payload.kind,
        title=payload.title,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        capacity=payload.capacity,
        description=payload.description,
        address=payload.address,
        station=station,
        audience_org=audience,
        members_only=payload.members_only,
        employment_form=payload.employment_form or "",
        women_only=payload.women_only,
        signup_opens_at=payload.signup_opens_at,
        signup_closes_at=payload.signup_closes_at,
        fee=payload.fee,
        team_size_min=payload.team_size_min,
        team_size_max=payload.team_size_max,
        teams_per_union=payload.teams_per_union,
        walk_ins=payload.walk_ins,
        check_out=payload.check_out,
        parent=parent,
    )


@router.get("/events", response=EventPage, operation_id="events_list")
def events_list(
    request: HttpRequest,
    status: EventStatus | None = None,
    kind: EventKind | None = None,
    under: Text100 = "",
    year: Year | None = None,
    after: int | None = None,
) -> dict[str, Any]:
    """Events organised in the caller's scope, newest first; `under` (a union's code or full name) narrows
    to its subtree."""
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    qs = selectors.events_for(request.user, status=status or "", kind=kind or "", under=org, year=year)
    items, next_after = page_after(qs, after=after)
    return {"items": items, "next_after": next_after}


@router.post("/events", response={201: EventOut}, operation_id="events_create")
def events_create(request: HttpRequest, payload: EventIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code, Perm.ORG_EDIT)
    event = services.event_create(actor=request.user, org=org, data=_fields(request, payload))
    return Status(201, event)


@router.get("/events/{int:pk}", response=EventOut, operation_id="events_get")
def events_get(request: HttpRequest, pk: int) -> Event:
    return selectors.event_get_for(request.user, pk)


@router.post("/events/{int:pk}/publish", response=EventOut, operation_id="events_publish")
def events_publish(request: HttpRequest, pk: int) -> Event:
    event = selectors.event_get_for(request.user, pk, Perm.ORG_EDIT)
    return services.event_publish(actor=request.user, event=event)


def _no_names_of_social(event: Event) -> None:
    if event.is_social:
        raise PermissionDenied(_("交友联谊活动只统计人数，不提供名单。"))


@router.get("/events/{int:pk}/signups", response=list[SignUpOut], operation_id="events_signups_list")
def events_signups_list(request: HttpRequest, pk: int, limit: int = 500) -> Any:
    """The organiser's list: confirmed first, then the waiting list in order (no names for a 交友 event)."""
    event = selectors.event_get_for(request.user, pk)
    _no_names_of_social(event)
    return selectors.signups_for_event(event)[: max(1, min(limit, 2000))]


@router.post("/events/{int:pk}/signups", response={201: SignUpOut}, operation_id="events_signups_create")
def events_signups_create(request: HttpRequest, pk: int, payload: SignUpIn) -> Status:
    """A cadre signs up a member of a union in their scope (who then sees it in 我的); a place if one is
    free, else the waiting list."""
    membership = membership_get_for(request.user, payload.membership_id, Perm.ORG_EDIT)
    event = selectors.public_event_get(pk)
    if event.is_social:  # the same answer for everyone: nothing said about who opted in
        raise ValidationError(_("交友联谊活动须职工本人在手机上报名。"))
    signup = signups.signup_create(event=event, person=membership.person)
    signup.waiting_position = selectors.waiting_position(signup)  # type: ignore[attr-defined]
    return Status(201, signup)


@router.post("/events/signups/{int:pk}/cancel", response=SignUpOut, operation_id="events_signups_cancel")
def events_signups_cancel(request: HttpRequest, pk: int) -> SignUp:
    signup = selectors.signup_for_cadre(request.user, pk)
    return signups.signup_cancel(signup=signup, actor=request.user)


def _scan_out(scan: Scan) -> dict[str, Any]:
    return {
        "nonce": scan.nonce,
        "outcome": scan.outcome,
        "reason": scan.reason,
        "signup_id": scan.signup_id,
        "scanned_at": scan.scanned_at,
    }


@router.post("/events/{int:pk}/checkins", response=list[ScanOut], operation_id="events_checkins")
def events_checkins(request: HttpRequest, pk: int, payload: ScanBatch) -> list[dict[str, Any]]:
    """Record scans at the door, one or a synced offline batch; each nonce counts once, so a retried upload
    answers as the first did. Refused scans come back with the reason."""
    event = selectors.event_for_door(request.user, pk)
    scans = [
        ScanIn(
            nonce=s.nonce,
            token=s.token,
            direction=s.direction,
            scanned_at=s.scanned_at,
            category=s.category or "",
        )
        for s in payload.scans
    ]
    return [_scan_out(scan) for scan in scans_record(actor=request.user, event=event, scans=scans)]


@router.get("/events/{int:pk}/checkin-list", response=list[OfflineTicket], operation_id="events_checkin_list")
def events_checkin_list(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    """For a scanner going offline: each ticket's digest (not the ticket), a masked name and the status."""
    event = selectors.event_get_for(request.user, pk, Perm.ORG_EDIT)
    rows = selectors.signups_for_event(event).exclude(status=SignUpStatus.WAITING)
    return [
        {
            "signup_id": s.pk,
            "digest": ticket_digest(ticket_token(s)),
            "name": "" if event.is_social else mask_text(s.person.name),
            "org": s.org.code if s.org else None,
            "status": s.status,
            "checked_in": s.checked_in_at is not None,
        }
        for s in rows
    ]


@router.get("/events/{int:pk}/attendance", response=AttendanceOut, operation_id="events_attendance")
def events_attendance(request: HttpRequest, pk: int) -> dict[str, Any]:
    event = selectors.event_get_for(request.user, pk)
    a = attendance_of(event)
    return {
        "signed_up": a.signed_up,
        "checked_in": a.checked_in,
        "walk_ins_with_card": a.walk_ins_with_card,
        "walk_ins_without_card": a.walk_ins_without_card,
        "came": a.came,
        "by_union": [{"union": name, "signed_up": n, "came": came} for name, n, came in a.by_union],
        "by_category": [{"category": label, "came": n} for label, n in a.by_category],
    }


@router.post("/events/{int:pk}/teams", response={201: TeamOut}, operation_id="events_teams_create")
def events_teams_create(request: HttpRequest, pk: int, payload: TeamIn) -> Status:
    event = get_object_or_404(selectors.team_events_for(request.user), pk=pk)
    org = org_selectors.org_pick_for(request.user, payload.org_code, Perm.ORG_EDIT)
    team = teams.team_enter(actor=request.user, event=event, org=org, name=payload.name, member_nos=payload.member_nos)
    return Status(201, team)
