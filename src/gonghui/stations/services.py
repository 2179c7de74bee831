"""The stations app's writes: stations and their hours, photos, ratings, visits and room bookings.

Stations are written by the owning union's cadres (Perm.ORG_EDIT in its subtree). A rating title belongs to
the union that rates (its criteria sheet travels with it); the station's union applies with a
self-assessment, the title's union reviews (Perm.REVIEW) and rates or refuses; a rating can be revoked and
stays in the history. Visits come from the public QR page. Bookings hold their slots in BookingSlot, so the
database refuses a second booking of a slot on any backend.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.mobile import validate_mobile
from gonghui.common.models import AuditAction
from gonghui.common.moments import aware
from gonghui.common.textnorm import clean_text
from gonghui.common.uploads import check_upload
from gonghui.members.models import Membership, Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import Enterprise, OrgNode, Region
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.stations import hours as hours_mod
from gonghui.stations.choices import (
    ApplicationStatus,
    BookableBy,
    BookingStatus,
    HostKind,
    RatingLevel,
    VisitCategory,
)
from gonghui.stations.geo import check_in_china, gcj_to_wgs
from gonghui.stations.models import (
    Booking,
    BookingSlot,
    Facility,
    OpeningHours,
    Rating,
    RatingApplication,
    RatingTitle,
    Room,
    SpecialDay,
    Station,
    StationKind,
    StationPhoto,
    StationService,
    StationVisit,
)

MAX_PHOTOS = 9
PHOTO_MAX_BYTES = 5 * 1024 * 1024
MAX_BOOKING_SLOTS = 12
BOOK_AHEAD_DAYS = 60
_LANDLINE = re.compile(r"^(0\d{2,3})-?(\d{7,8})$|^400-?\d{3}-?\d{4}$", re.ASCII)


def visit_window_minutes() -> int:
    return max(1, int(getattr(settings, "STATION_VISIT_WINDOW_MINUTES", 30)))


def clean_phone(raw: str) -> str:
    """A mobile (11 digits) or a landline with its area code (0914-7321234), or ""; Chinese reason if not."""
    text = clean_text(raw).replace(" ", "")
    if not text:
        return ""
    if _LANDLINE.match(text):
        return text
    try:
        return validate_mobile(text)
    except ValidationError:
        raise ValidationError(
            {"contact_phone": _("联系电话应为 11 位手机号码，或带区号的固定电话（如 0914-7321234）。")}
        ) from None


# --- stations -----------------------------------------------------------------------------------


@dataclass
class StationData:
    kind: StationKind
    name: str
    address: str
    lat: Decimal | float
    lng: Decimal | float
    coords_gcj02: bool = False  # picked on a GCJ-02 map (AutoNavi, Tencent): converted to WGS-84
    host_kind: str = HostKind.OTHER
    host_name: str = ""
    host_enterprise: Enterprise | None = None
    region: Region | None = None
    is_24h: bool = False
    contact_phone: str = ""
    description: str = ""
    facilities: list[Facility] = field(default_factory=list)
    services: list[StationService] = field(default_factory=list)


def _checked(actor: Any, org: OrgNode, data: StationData) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    name, address = clean_text(data.name), clean_text(data.address)
    if not name:
        errors["name"] = [_("请填写阵地名称。")]
    if not address:
        errors["address"] = [_("请填写地址。")]
    if not data.kind.is_active:
        errors["kind"] = [_("该阵地类型已停用。")]
    lat, lng = data.lat, data.lng
    try:
        if data.coords_gcj02:
            check_in_china(lat, lng)
            wlat, wlng = gcj_to_wgs(float(lat), float(lng))
            lat, lng = Decimal(str(wlat)), Decimal(str(wlng))
        lat, lng = check_in_china(lat, lng)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    phone = ""
    try:
        phone = clean_phone(data.contact_phone)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if data.host_enterprise is not None:
        require(actor, data.host_enterprise.union)
    if data.host_kind not in HostKind.values:
        errors["host_kind"] = [_("依托单位类型无效。")]
    if errors:
        raise ValidationError(errors)
    host_name = clean_text(data.host_name) or (data.host_enterprise.name if data.host_enterprise else "")
    return {
        "org": org,
        "kind": data.kind,
        "name": name[:100],
        "address": address[:200],
        "lat": lat,
        "lng": lng,
        "host_kind": HostKind.ENTERPRISE if data.host_enterprise else data.host_kind,
        "host_name": host_name[:100],
        "host_enterprise": data.host_enterprise,
        "region": data.region or org.region,
        "is_24h": data.is_24h,
        "contact_phone": phone or None,
        "description": data.description.strip()[:2000],
    }


@transaction.atomic
def station_create(*, actor: Any, org: OrgNode, data: StationData) -> Station:
    require(actor, org, Perm.ORG_EDIT)
    station = Station.objects.create(**_checked(actor, org, data))
    station.facilities.set(data.facilities)
    station.services.set(data.services)
    audit_record(actor=actor, action=AuditAction.CREATE, target=station, org=org)
    return station


@transaction.atomic
def station_update(*, actor: Any, station: Station, data: StationData, org: OrgNode | None = None) -> Station:
    """Edit a station; `org` moves it to another union, which the actor must also manage. A blank phone
    keeps the stored one (the form never receives it)."""
    require(actor, station.org, Perm.ORG_EDIT)
    target = org or station.org
    if target.pk != station.org_id:
        require(actor, target, Perm.ORG_EDIT)
    fields = _checked(actor, target, data)
    if fields["contact_phone"] is None:
        fields.pop("contact_phone")
    for name, value in fields.items():
        setattr(station, name, value)
    station.save()
    station.facilities.set(data.facilities)
    station.services.set(data.services)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=station, org=target)
    return station


@transaction.atomic
def station_hours_set(*, actor: Any, station: Station, week: Mapping[int, str], is_24h: bool = False) -> None:
    """Replace the weekly hours with what the editor posted (text per weekday, see stations.hours)."""
    require(actor, station.org, Perm.ORG_EDIT)
    spans = hours_mod.parse_week(week)
    OpeningHours.objects.filter(station=station).delete()
    OpeningHours.objects.bulk_create(
        OpeningHours(station=station, weekday=day, opens=s.opens, closes=s.closes)
        for day, day_spans in spans.items()
        for s in day_spans
    )
    Station.objects.filter(pk=station.pk).update(is_24h=is_24h, updated_at=timezone.now())
    station.is_24h = is_24h
    audit_record(actor=actor, action=AuditAction.UPDATE, target=station, org=station.org, detail={"hours": True})


@transaction.atomic
def special_day_set(*, actor: Any, station: Station, date: dt.date, hours: str = "", note: str = "") -> SpecialDay:
    """A holiday: closed (blank hours or 闭馆) or open for one span of its own; replaces one already set."""
    require(actor, station.org, Perm.ORG_EDIT)
    try:
        span = hours_mod.parse_special(hours)
    except ValidationError as exc:
        raise ValidationError({"hours": exc.messages}) from None
    if date < timezone.localdate() - dt.timedelta(days=366):
        raise ValidationError({"date": _("日期太早了。")})
    special, _created = SpecialDay.objects.update_or_create(
        station=station,
        date=date,
        defaults={
            "closed": span is None,
            "opens": span.opens if span else None,
            "closes": span.closes if span else None,
            "note": clean_text(note)[:100],
        },
    )
    return special


@transaction.atomic
def special_day_delete(*, actor: Any, special: SpecialDay) -> None:
    require(actor, special.station.org, Perm.ORG_EDIT)
    special.delete()


@transaction.atomic
def station_close(*, actor: Any, station: Station, reason: str) -> None:
    require(actor, station.org, Perm.ORG_EDIT)
    if not station.is_active:
        raise ValidationError(_("该阵地已关闭。"))
    if not clean_text(reason):
        raise ValidationError({"reason": _("请填写关闭原因。")})
    station.is_active, station.closed_at, station.closed_reason = False, timezone.now(), clean_text(reason)[:200]
    station.save(update_fields=["is_active", "closed_at", "closed_reason", "updated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=station, org=station.org, detail={"closed": True})


@transaction.atomic
def station_reopen(*, actor: Any, station: Station) -> None:
    require(actor, station.org, Perm.ORG_EDIT)
    if station.is_active:
        raise ValidationError(_("该阵地正在开放。"))
    station.is_active, station.closed_at, station.closed_reason = True, None, ""
    station.save(update_fields=["is_active", "closed_at", "closed_reason", "updated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=station, org=station.org, detail={"reopened": True})


@transaction.atomic
def station_photo_add(*, actor: Any, station: Station, file: IO[bytes], size: int, caption: str = "") -> StationPhoto:
    """A checked image (JPG, PNG or WebP that decodes), saved under a generated name."""
    require(actor, station.org, Perm.ORG_EDIT)
    if StationPhoto.objects.filter(station=station).count() >= MAX_PHOTOS:
        raise ValidationError({"photo": _("每个阵地最多 %(n)d 张照片，请先删除旧照片。") % {"n": MAX_PHOTOS}})
    try:
        checked = check_upload(file, size=size, families={"image"}, max_bytes=PHOTO_MAX_BYTES)
    except ValidationError as exc:
        raise ValidationError({"photo": exc.messages}) from None
    photo = StationPhoto(station=station, content_type=checked.content_type, caption=clean_text(caption)[:100])
    photo.file.save(checked.filename, File(file), save=True)
    return photo


@transaction.atomic
def station_photo_delete(*, actor: Any, photo: StationPhoto) -> None:
    require(actor, photo.station.org, Perm.ORG_EDIT)
    photo.file.delete(save=False)
    photo.delete()


# --- ratings ------------------------------------------------------------------------------------


def parse_criteria(text: str) -> list[dict[str, Any]]:
    """ "服务设施 30" per line (or "服务设施：30") into the criteria sheet; Chinese reasons for bad lines."""
    criteria: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = clean_text(line)
        if not line:
            continue
        match = re.match(r"^(.+?)[\s:：]+(\d{1,3})\s*分?$", line)
        if match is None:
            raise ValidationError({"criteria": _("第 %(n)d 行应为“项目 分值”，如“服务设施 30”。") % {"n": number}})
        item, points = match.group(1).strip(), int(match.group(2))
        if points <= 0:
            raise ValidationError({"criteria": _("第 %(n)d 行的分值应大于 0。") % {"n": number}})
        if any(c["item"] == item for c in criteria):
            raise ValidationError({"criteria": _("评分项目“%(item)s”重复。") % {"item": item}})
        criteria.append({"item": item[:50], "max": points})
    if not criteria:
        raise ValidationError({"criteria": _("请至少填写一个评分项目。")})
    return criteria


@transaction.atomic
def rating_title_create(
    *,
    actor: Any,
    org: OrgNode,
    level: str,
    name: str,
    criteria: list[dict[str, Any]],
    stars: int = 0,
    kind: StationKind | None = None,
    pass_points: int = 0,
    valid_months: int = 36,
    issuer: str = "",
) -> RatingTitle:
    """A title `org` rates stations in its subtree for; `issuer` names an awarding body off the platform
    (中华全国总工会, 省总工会) whose decision the union records."""
    require(actor, org, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    name = clean_text(name)
    if not name:
        errors["name"] = _("请填写称号名称。")
    if level not in RatingLevel.values:
        errors["level"] = _("级别无效。")
    if not 0 <= stars <= 5:
        errors["stars"] = _("星级应在 0–5 之间。")
    if not 1 <= valid_months <= 120:
        errors["valid_months"] = _("有效期应在 1–120 个月之间。")
    total = sum(int(c["max"]) for c in criteria)
    if not criteria:
        errors["criteria"] = _("请至少填写一个评分项目。")
    elif not 0 <= pass_points <= total:
        errors["pass_points"] = _("达标分应在 0 到满分 %(total)d 之间。") % {"total": total}
    if RatingTitle.objects.filter(org=org, name=name).exists():
        errors["name"] = _("本工会已有同名称号。")
    if errors:
        raise ValidationError(errors)
    title = RatingTitle.objects.create(
        org=org,
        level=level,
        name=name[:100],
        stars=stars,
        kind=kind,
        criteria=criteria,
        pass_points=pass_points,
        valid_months=valid_months,
        issuer=clean_text(issuer)[:100],
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=title, org=org)
    return title


def _scores(title: RatingTitle, scores: Mapping[str, Any], field_name: str) -> dict[str, int]:
    """Every criterion scored, within 0 and its maximum; nothing else."""
    out: dict[str, int] = {}
    for criterion in title.criteria:
        item, most = criterion["item"], int(criterion["max"])
        raw = scores.get(item)
        try:
            value = int(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ValidationError({field_name: _("请为“%(item)s”打分。") % {"item": item}}) from None
        if not 0 <= value <= most:
            raise ValidationError(
                {field_name: _("“%(item)s”的得分应在 0–%(max)d 之间。") % {"item": item, "max": most}}
            )
        out[item] = value
    unknown = set(scores) - set(out)
    if unknown:
        raise ValidationError({field_name: _("评分细则中没有“%(item)s”。") % {"item": sorted(unknown)[0]}})
    return out


@transaction.atomic
def rating_apply(
    *, actor: Any, station: Station, title: RatingTitle, self_scores: Mapping[str, Any], note: str = ""
) -> RatingApplication:
    """The station's union applies for a title of a union above it (or its own), with its self-assessment."""
    require(actor, station.org, Perm.ORG_EDIT)
    if not title.is_active:
        raise ValidationError({"title": _("该称号已停止评定。")})
    if not station.org.path.startswith(title.org.path):
        raise ValidationError({"title": _("该称号由%(org)s评定，本阵地不在其范围内。") % {"org": title.org.name}})
    if title.kind_id and title.kind_id != station.kind_id:
        raise ValidationError({"title": _("该称号只评定“%(kind)s”。") % {"kind": title.kind}})
    if not station.is_active:
        raise ValidationError(_("该阵地已关闭，不能申报。"))
    scores = _scores(title, self_scores, "self_scores")
    try:
        with transaction.atomic():
            application = RatingApplication.objects.create(
                station=station,
                title=title,
                self_scores=scores,
                self_note=note.strip()[:2000],
                submitted_by=actor,
            )
    except IntegrityError:
        raise ValidationError(_("本阵地已申报该称号，正在评审中。")) from None
    audit_record(actor=actor, action=AuditAction.CREATE, target=application, org=station.org)
    return application


def _locked_application(application: RatingApplication, *statuses: str) -> RatingApplication:
    locked = (
        RatingApplication.objects.select_for_update()
        .select_related("title__org", "station__org")
        .get(pk=application.pk)
    )
    if locked.status not in statuses:
        raise ValidationError(_("该申报当前为“%(s)s”，不能进行此操作。") % {"s": locked.get_status_display()})
    return locked


@transaction.atomic
def rating_review(
    *, actor: Any, application: RatingApplication, scores: Mapping[str, Any], note: str = ""
) -> RatingApplication:
    """The title's union scores the application on the same sheet."""
    require(actor, application.title.org, Perm.REVIEW)
    application = _locked_application(application, ApplicationStatus.SUBMITTED, ApplicationStatus.REVIEWED)
    application.review_scores = _scores(application.title, scores, "review_scores")
    application.review_note = note.strip()[:2000]
    application.status = ApplicationStatus.REVIEWED
    application.reviewed_by, application.reviewed_at = actor, timezone.now()
    application.save()
    return application


@transaction.atomic
def rating_decide(
    *,
    actor: Any,
    application: RatingApplication,
    grant: bool,
    valid_from: dt.date | None = None,
    note: str = "",
) -> Rating | None:
    """Rate (a Rating valid for the title's months from `valid_from`) or refuse a reviewed application."""
    require(actor, application.title.org, Perm.REVIEW)
    application = _locked_application(application, ApplicationStatus.REVIEWED)
    title = application.title
    rating = None
    if grant:
        if application.review_total < title.pass_points:
            raise ValidationError(
                _("评审得分 %(score)d 低于达标分 %(pass)d，不能授予。")
                % {"score": application.review_total, "pass": title.pass_points}
            )
        start = valid_from or timezone.localdate()
        if abs((start - timezone.localdate()).days) > 3660:
            raise ValidationError({"valid_from": _("有效期起始日应在今天前后十年之内。")})
        rating = Rating.objects.create(
            station=application.station,
            title=title,
            application=application,
            valid_from=start,
            valid_until=add_months(start, title.valid_months) - dt.timedelta(days=1),
            granted_by=actor,
        )
    elif not clean_text(note):
        raise ValidationError({"note": _("不予授予时请说明原因。")})
    application.status = ApplicationStatus.RATED if grant else ApplicationStatus.REJECTED
    application.decided_by, application.decided_at = actor, timezone.now()
    application.decision_note = clean_text(note)[:500]
    application.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=application, org=title.org, detail={"granted": grant})
    return rating


@transaction.atomic
def rating_revoke(*, actor: Any, rating: Rating, reason: str, on: dt.date | None = None) -> Rating:
    """Revoke from a date on (today by default); the rating stays in the history."""
    require(actor, rating.title.org, Perm.REVIEW)
    rating = Rating.objects.select_for_update().select_related("title__org").get(pk=rating.pk)
    if rating.revoked_on is not None:
        raise ValidationError(_("该评定已于 %(d)s 撤销。") % {"d": rating.revoked_on})
    if not clean_text(reason):
        raise ValidationError({"reason": _("请填写撤销原因。")})
    day = on or timezone.localdate()
    if day < rating.valid_from:
        raise ValidationError({"on": _("撤销日期不能早于有效期起始日 %(d)s。") % {"d": rating.valid_from}})
    rating.revoked_on, rating.revoked_by, rating.reason = day, actor, clean_text(reason)[:500]
    rating.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=rating, org=rating.title.org, detail={"revoked": True})
    return rating


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


# --- visits -------------------------------------------------------------------------------------


def visitor_key(kind: str, value: str) -> str:
    """A keyed hash naming a visitor across scans: of a random cookie value ("anon") or a person ("person").
    Never personal data; not reversible without the server's secret."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"stations.visitor:{kind}:{value}".encode(), hashlib.sha256)
    return digest.hexdigest()


@dataclass(frozen=True)
class VisitOutcome:
    visit: StationVisit
    recorded: bool  # False: the same visitor scanned within the window; the earlier visit stands


@transaction.atomic
def visit_record(
    *,
    station: Station,
    category: str,
    key: str,
    membership: Membership | None = None,
    at: dt.datetime | None = None,
) -> VisitOutcome:
    """Record a scan. A scan by the same visitor within the window counts once: a recent visit is looked up,
    and the (station, visitor, window) unique constraint settles two taps that race."""
    if not station.is_active:
        raise ValidationError(_("该服务站已关闭。"))
    if membership is not None:
        category = VisitCategory.MEMBER
    elif category not in VisitCategory.values or category == VisitCategory.MEMBER:
        raise ValidationError({"category": _("请选择您的职业类别。")})
    at = at or timezone.now()
    window = visit_window_minutes()
    recent = (
        StationVisit.objects.filter(station=station, visitor_key=key, at__gt=at - dt.timedelta(minutes=window))
        .order_by("-at")
        .first()
    )
    if recent is not None:
        return VisitOutcome(recent, recorded=False)
    bucket = int(at.timestamp() // 60) // window
    try:
        with transaction.atomic():
            visit = StationVisit.objects.create(
                station=station, at=at, category=category, membership=membership, visitor_key=key, bucket=bucket
            )
    except IntegrityError:
        visit = StationVisit.objects.get(station=station, visitor_key=key, bucket=bucket)
        return VisitOutcome(visit, recorded=False)
    return VisitOutcome(visit, recorded=True)


# --- rooms and bookings -------------------------------------------------------------------------


@transaction.atomic
def room_create(
    *,
    actor: Any,
    station: Station,
    name: str,
    capacity: int = 20,
    slot_minutes: int = 60,
    bookable_by: str = BookableBy.BOTH,
) -> Room:
    require(actor, station.org, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    name = clean_text(name)
    if not name:
        errors["name"] = _("请填写房间名称。")
    if capacity < 1:
        errors["capacity"] = _("容纳人数至少为 1。")
    if not 15 <= slot_minutes <= 240 or DAY_MINUTES % slot_minutes:
        errors["slot_minutes"] = _("时段长度应在 15–240 分钟之间，并能整除一天（如 30、60、120）。")
    if bookable_by not in BookableBy.values:
        errors["bookable_by"] = _("可预约对象无效。")
    if Room.objects.filter(station=station, name=name).exists():
        errors["name"] = _("本阵地已有同名房间。")
    if errors:
        raise ValidationError(errors)
    return Room.objects.create(
        station=station, name=name[:50], capacity=capacity, slot_minutes=slot_minutes, bookable_by=bookable_by
    )


DAY_MINUTES = 24 * 60


def booking_slots(room: Room, starts_at: dt.datetime, ends_at: dt.datetime) -> list[dt.datetime]:
    """The slot starts a booking covers, or a Chinese reason: aligned to the room's slots, in the future,
    within the booking horizon and the station's hours."""
    try:
        start, end = (timezone.localtime(aware(t)) for t in (starts_at, ends_at))
    except (OverflowError, ValueError):
        raise ValidationError({"starts_at": _("预约时间无效。")}) from None
    step = dt.timedelta(minutes=room.slot_minutes)
    if end <= start:
        raise ValidationError({"ends_at": _("结束时间应晚于开始时间。")})
    if start <= timezone.now():
        raise ValidationError({"starts_at": _("只能预约将来的时段。")})
    if start.date() > timezone.localdate() + dt.timedelta(days=BOOK_AHEAD_DAYS):
        raise ValidationError({"starts_at": _("最多提前 %(n)d 天预约。") % {"n": BOOK_AHEAD_DAYS}})
    minute = start.hour * 60 + start.minute
    if start.second or start.microsecond or minute % room.slot_minutes or (end - start) % step:
        raise ValidationError(
            {"starts_at": _("请按整时段预约：每个时段 %(n)d 分钟，从整点起算。") % {"n": room.slot_minutes}}
        )
    if (end - start) // step > MAX_BOOKING_SLOTS:
        raise ValidationError({"ends_at": _("一次最多预约 %(n)d 个时段。") % {"n": MAX_BOOKING_SLOTS}})
    slots = [start + i * step for i in range((end - start) // step)]
    table = hours_mod.timetable(room.station)
    last_minute = end - dt.timedelta(minutes=1)
    if not all(table.open_at(s) for s in slots) or not table.open_at(last_minute):
        raise ValidationError({"starts_at": _("该时段阵地不开放，请对照开放时间选择。")})
    return slots


def _hold(booking: Booking, slots: list[dt.datetime]) -> None:
    try:
        with transaction.atomic():
            BookingSlot.objects.bulk_create(
                BookingSlot(booking=booking, room_id=booking.room_id, slot_start=s) for s in slots
            )
    except IntegrityError:
        raise ValidationError(_("该时段已被预约，请选择其他时段。"), code="taken") from None


@transaction.atomic
def booking_request(
    *,
    actor: Any,
    room: Room,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    purpose: str,
    attendees: int = 1,
    person: Person | None = None,
    booker_org: OrgNode | None = None,
) -> Booking:
    """A member (their own Person, signed in) or a union (by its cadre, Perm.ORG_EDIT) books a room's slots;
    the booking waits for the station's union. A taken slot is refused by the database."""
    if (person is None) == (booker_org is None):
        raise ValidationError(_("预约人应为会员本人或一个工会组织。"))
    if booker_org is not None:
        require(actor, booker_org, Perm.ORG_EDIT)
        if room.bookable_by == BookableBy.MEMBERS:
            raise ValidationError(_("该房间只接受会员个人预约。"))
    if person is not None:
        if room.bookable_by == BookableBy.UNIONS:
            raise ValidationError(_("该房间只接受工会组织预约。"))
        if active_membership(person) is None:
            raise ValidationError(_("只有在册会员可以预约。"))
    room = Room.objects.select_related("station__org").get(pk=room.pk)
    if not room.is_active or not room.station.is_active:
        raise ValidationError(_("该房间暂不开放预约。"))
    purpose = clean_text(purpose)
    if not purpose:
        raise ValidationError({"purpose": _("请填写用途。")})
    if not 1 <= attendees <= room.capacity:
        raise ValidationError({"attendees": _("人数应在 1–%(n)d 之间（房间容纳人数）。") % {"n": room.capacity}})
    slots = booking_slots(room, starts_at, ends_at)
    booking = Booking.objects.create(
        room=room,
        person=person,
        booker_org=booker_org,
        starts_at=slots[0],
        ends_at=slots[-1] + dt.timedelta(minutes=room.slot_minutes),
        purpose=purpose[:200],
        attendees=attendees,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _hold(booking, slots)
    return booking


def _locked_booking(booking: Booking, *statuses: str) -> Booking:
    locked = Booking.objects.select_for_update().select_related("room__station__org").get(pk=booking.pk)
    if locked.status not in statuses:
        raise ValidationError(_("该预约当前为“%(s)s”，不能进行此操作。") % {"s": locked.get_status_display()})
    return locked


@transaction.atomic
def booking_decide(*, actor: Any, booking: Booking, approve: bool, note: str = "") -> Booking:
    """The station's union approves or refuses a pending booking; a refusal frees its slots."""
    require(actor, booking.room.station.org, Perm.ORG_EDIT)
    booking = _locked_booking(booking, BookingStatus.PENDING)
    if not approve and not clean_text(note):
        raise ValidationError({"note": _("不批准时请说明原因。")})
    booking.status = BookingStatus.APPROVED if approve else BookingStatus.REJECTED
    booking.decided_by, booking.decided_at, booking.decision_note = actor, timezone.now(), clean_text(note)[:200]
    booking.save()
    if not approve:
        BookingSlot.objects.filter(booking=booking).delete()
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=booking, org=booking.room.station.org, detail={"ok": approve}
    )
    return booking


@transaction.atomic
def booking_cancel(*, actor: Any, booking: Booking, person: Person | None = None) -> Booking:
    """Cancel before it starts: the member who booked (`person`), or a cadre of the booking union or of the
    station's union."""
    if person is not None:
        if booking.person_id != person.pk:
            raise ValidationError(_("只能取消自己的预约。"))
    elif booking.booker_org_id is not None and _can_edit(actor, booking.booker_org):
        pass
    else:
        require(actor, booking.room.station.org, Perm.ORG_EDIT)
    booking = _locked_booking(booking, BookingStatus.PENDING, BookingStatus.APPROVED)
    if booking.starts_at <= timezone.now():
        raise ValidationError(_("预约已开始，不能取消。"))
    booking.status = BookingStatus.CANCELLED
    booking.save(update_fields=["status"])
    BookingSlot.objects.filter(booking=booking).delete()
    return booking


def _can_edit(actor: Any, org: OrgNode | None) -> bool:
    from gonghui.orgs.scope import can

    return can(actor, Perm.ORG_EDIT, org)
