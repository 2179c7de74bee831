"""Writes of the events domain: create, change, publish and cancel an event, its photos and summary.

Sign-ups and the waiting list are in `signups`, teams in `teams`, the door in `checkin`, 交友 in `social`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from gonghui.common.audit import audit_record, field_changes
from gonghui.common.models import AuditAction
from gonghui.common.moments import aware, aware_or_none
from gonghui.common.uploads import check_upload
from gonghui.events.choices import EventKind, EventStatus, SignUpStatus
from gonghui.events.models import Event, EventPhoto
from gonghui.events.selectors import forget_doors
from gonghui.events.signups import lock_event, places_open
from gonghui.members.choices import EmploymentForm
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

PHOTO_BYTES = 8 * 1024 * 1024
MAX_CAPACITY = 100_000


@dataclass
class EventFields:
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int
    description: str = ""
    address: str = ""
    station: Any = None  # stations.Station or None
    audience_org: OrgNode | None = None
    members_only: bool = True
    employment_form: str = ""
    women_only: bool = False
    signup_opens_at: dt.datetime | None = None
    signup_closes_at: dt.datetime | None = None
    fee: Decimal = Decimal(0)
    team_size_min: int = 0
    team_size_max: int = 0
    teams_per_union: int = 1
    walk_ins: bool = True
    check_out: bool = False
    parent: Event | None = None


def _normalised(data: EventFields) -> EventFields:
    """Times without a zone (an API client's) are local time; a mix would not compare."""
    return replace(
        data,
        starts_at=aware(data.starts_at),
        ends_at=aware(data.ends_at),
        signup_opens_at=aware_or_none(data.signup_opens_at),
        signup_closes_at=aware_or_none(data.signup_closes_at),
    )


def _check(org: OrgNode, data: EventFields, held: int = 0) -> dict[str, str]:
    """Every problem with the fields, keyed by field, in Chinese."""
    errors: dict[str, str] = {}
    if data.employment_form and data.employment_form not in EmploymentForm.values:
        errors["employment_form"] = _("限定对象无效。")
    if not data.title.strip():
        errors["title"] = pgettext("event", "请填写活动名称。")
    if data.kind not in EventKind.values:
        errors["kind"] = _("活动类型无效。")
    if data.ends_at <= data.starts_at:
        errors["ends_at"] = _("结束时间须晚于开始时间。")
    if data.capacity < 1 or data.capacity > MAX_CAPACITY:
        errors["capacity"] = _("名额须在1至%(max)s之间。") % {"max": MAX_CAPACITY}
    elif data.capacity < held:
        errors["capacity"] = _("名额不能少于已报名（含待确认候补）的%(n)s人。") % {"n": held}
    if data.signup_opens_at and data.signup_closes_at and data.signup_closes_at <= data.signup_opens_at:
        errors["signup_closes_at"] = _("报名截止须晚于报名开始。")
    if data.signup_closes_at and data.signup_closes_at > data.starts_at:
        # After the start a freed place can no longer be offered to the waiting list in time.
        errors["signup_closes_at"] = _("报名截止不能晚于活动开始。")
    if not data.station and not data.address.strip():
        errors["address"] = _("请选择活动阵地或填写活动地点。")
    if data.audience_org is not None and not (
        data.audience_org.path.startswith(org.path) or org.path.startswith(data.audience_org.path)
    ):
        errors["audience_org"] = _("面向工会须是主办工会或其上下级工会。")
    if data.team_size_max and not 1 <= data.team_size_min <= data.team_size_max:
        errors["team_size_min"] = _("每队人数：最少须在1至最多人数之间。")
    if data.teams_per_union < 1:
        errors["teams_per_union"] = _("每个工会限报队数至少为1。")
    if data.fee < 0:
        errors["fee"] = _("费用不能为负数。")
    if data.parent is not None and data.parent.org_id != org.pk:
        errors["parent"] = _("项目须与所属活动同一主办工会。")
    return errors


def _apply(event: Event, data: EventFields) -> None:
    for f in fields(EventFields):
        value = getattr(data, f.name)
        setattr(event, f.name, value.strip() if isinstance(value, str) else value)


@transaction.atomic
def event_create(*, actor: Any, org: OrgNode, data: EventFields) -> Event:
    require(actor, org, Perm.ORG_EDIT)
    data = _normalised(data)
    errors = _check(org, data)
    if errors:
        raise ValidationError(errors)
    event = Event(org=org, created_by=actor)
    _apply(event, data)
    event.save()
    audit_record(actor=actor, action=AuditAction.CREATE, target=event, org=org, detail={"title": event.title})
    return event


def _snapshot(event: Event) -> dict[str, Any]:
    return {f.name: str(getattr(event, f.name)) for f in fields(EventFields)}


@transaction.atomic
def event_update(*, actor: Any, event: Event, data: EventFields) -> Event:
    """Change the event; more places go to the waiting list in order, fewer than are held are refused."""
    require(actor, event.org, Perm.ORG_EDIT)
    event = lock_event(event.pk)
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("活动已取消，不能修改。"))
    data = _normalised(data)
    errors = _check(event.org, data, held=event.held)
    social_change = (data.kind == EventKind.SOCIAL) != event.is_social
    if social_change and event.signups.exists():
        # 交友 sign-ups were made on the promise that cadres see counts only: the event stays 交友.
        errors["kind"] = _("已有职工报名，不能改为或改离交友联谊活动。")
    if errors:
        raise ValidationError(errors)
    before = _snapshot(event)
    _apply(event, data)
    event.save()
    places_open(event=event)
    forget_doors()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=event,
        org=event.org,
        detail=field_changes(before, _snapshot(event)),
    )
    return event


@transaction.atomic
def event_publish(*, actor: Any, event: Event) -> Event:
    require(actor, event.org, Perm.ORG_EDIT)
    event = lock_event(event.pk)
    if event.status != EventStatus.DRAFT:
        raise ValidationError(_("只有草稿可以发布。"))
    if event.ends_at <= timezone.now():
        raise ValidationError(_("活动已结束，不能发布。"))
    event.status = EventStatus.PUBLISHED
    event.save(update_fields=["status", "updated_at"])
    Event.objects.filter(parent=event, status=EventStatus.DRAFT).update(status=EventStatus.PUBLISHED)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=event, org=event.org, detail={"status": "published"})
    return event


@transaction.atomic
def event_cancel(*, actor: Any, event: Event, reason: str) -> Event:
    """Call the event off: every sign-up is cancelled and its place given back."""
    require(actor, event.org, Perm.ORG_EDIT)
    if not reason.strip():
        raise ValidationError({"reason": _("请填写取消原因。")})
    event = lock_event(event.pk)
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("活动已取消。"))
    forget_doors()
    event.status = EventStatus.CANCELLED
    event.held = 0
    event.save(update_fields=["status", "held", "updated_at"])
    event.signups.exclude(status__in=[SignUpStatus.CANCELLED, SignUpStatus.LAPSED]).update(
        status=SignUpStatus.CANCELLED, offer_expires_at=None
    )
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=event, org=event.org, detail={"cancelled": reason.strip()}
    )
    return event


@transaction.atomic
def event_summary_save(*, actor: Any, event: Event, summary: str) -> Event:
    require(actor, event.org, Perm.ORG_EDIT)
    event.summary = summary.strip()[:4000]
    event.save(update_fields=["summary", "updated_at"])
    return event


def _checked_image(upload: Any) -> Any:
    return check_upload(upload, size=upload.size, families={"image"}, max_bytes=PHOTO_BYTES)


@transaction.atomic
def event_photo_add(*, actor: Any, event: Event, image: Any, caption: str = "") -> EventPhoto:
    require(actor, event.org, Perm.ORG_EDIT)
    if event.photos.count() >= settings.EVENT_MAX_PHOTOS:
        raise ValidationError(_("每个活动最多%(n)s张照片。") % {"n": settings.EVENT_MAX_PHOTOS})
    checked = _checked_image(image)
    photo = EventPhoto(event=event, caption=caption.strip()[:100])
    photo.image.save(checked.filename, File(image), save=False)
    photo.save()
    return photo


@transaction.atomic
def event_cover_set(*, actor: Any, event: Event, image: Any) -> Event:
    require(actor, event.org, Perm.ORG_EDIT)
    checked = _checked_image(image)
    old = event.cover.name
    event.cover.save(checked.filename, File(image), save=False)
    event.save(update_fields=["cover", "updated_at"])
    if old:
        transaction.on_commit(lambda: event.cover.storage.delete(old))  # the replaced cover leaves no file
    return event
