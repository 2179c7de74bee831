"""Writes of 预约服务: providers and their availability, booking, cancelling and rescheduling, marking a
session done or missed, session notes, risk flags, reminders.

Every refusal is a ValidationError with a Chinese reason and leaves nothing behind. A slot booked twice is
refused by the database (the partial unique index on provider and start), whatever the checks before it saw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import UserKind
from gonghui.appointments import notices
from gonghui.appointments.choices import LIVE, AppointmentStatus, Mode, ProviderMode, ServiceKind
from gonghui.appointments.models import (
    Appointment,
    Holiday,
    Provider,
    ProviderException,
    RiskFlag,
    SessionNote,
    UnionSetting,
    WeeklyRule,
)
from gonghui.appointments.slots import earliest_start, last_day, slot_at
from gonghui.common.audit import audit_record
from gonghui.common.mobile import validate_mobile
from gonghui.common.models import AuditAction
from gonghui.common.moments import aware
from gonghui.common.pii_crypto import seal, unseal
from gonghui.common.textnorm import clean_text
from gonghui.members.identity import mobile_hmac
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, require
from gonghui.stations.hours import DAY, parse_day
from gonghui.stations.models import Station

NOTE_MAX = 5000
REMIND_HOURS = 24
TAKEN = "该时段已被预约，请选择其他时段。"


@dataclass
class ProviderFields:
    name: str
    kind: str
    mobile: str
    title: str = ""
    station: Station | None = None
    mode: str = ProviderMode.IN_PERSON
    place: str = ""
    slot_minutes: int = 50
    buffer_minutes: int = 10
    notice_hours: int = 12
    cancel_hours: int = 24
    ahead_days: int = 30
    is_active: bool = True


def _checked(actor: Any, org: OrgNode, data: ProviderFields, *, current: Provider | None = None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = _("请填写姓名。")
    if data.kind not in ServiceKind.values:
        errors["kind"] = _("服务类型无效。")
    if data.mode not in ProviderMode.values:
        errors["mode"] = _("服务方式无效。")
    mobile = ""
    try:
        mobile = validate_mobile(data.mobile)
    except ValidationError as exc:
        errors["mobile"] = exc.messages[0]
    if not 15 <= data.slot_minutes <= 240:
        errors["slot_minutes"] = _("每次时长应在 15–240 分钟之间。")
    if not 0 <= data.buffer_minutes <= 120:
        errors["buffer_minutes"] = _("间隔应在 0–120 分钟之间。")
    if not 0 <= data.notice_hours <= 720:
        errors["notice_hours"] = _("最少提前时间应在 0–720 小时之间。")
    if not 0 <= data.cancel_hours <= 720:
        errors["cancel_hours"] = _("取消或改约的时限应在 0–720 小时之间。")
    if not 1 <= data.ahead_days <= 180:
        errors["ahead_days"] = _("可预约天数应在 1–180 天之间。")
    if data.station is not None and (not data.station.is_active or not can(actor, Perm.VIEW, data.station.org)):
        errors["station"] = _("找不到该服务阵地，或它不在您的管理范围内。")
    if mobile and not errors:
        clash = Provider.objects.filter(org=org, mobile_hmac=mobile_hmac(mobile))
        if current is not None:
            clash = clash.exclude(pk=current.pk)
        if clash.exists():
            errors["mobile"] = _("本会已登记使用该手机号码的服务人员。")
    if errors:
        raise ValidationError(errors)
    return {
        "name": name[:50],
        "kind": data.kind,
        "title": clean_text(data.title)[:100],
        "mobile": mobile,
        "station": data.station,
        "mode": data.mode,
        "place": clean_text(data.place)[:200],
        "slot_minutes": data.slot_minutes,
        "buffer_minutes": data.buffer_minutes,
        "notice_hours": data.notice_hours,
        "cancel_hours": data.cancel_hours,
        "ahead_days": data.ahead_days,
        "is_active": data.is_active,
    }


@transaction.atomic
def provider_register(*, actor: Any, org: OrgNode, data: ProviderFields) -> Provider:
    """A cadre registers a provider with a name and mobile; the provider signs in with a code to that number."""
    require(actor, org, Perm.ORG_EDIT)
    provider = Provider.objects.create(org=org, created_by=actor, **_checked(actor, org, data))
    audit_record(actor=actor, action=AuditAction.CREATE, target=provider, org=org, detail={"kind": provider.kind})
    return provider


@transaction.atomic
def provider_update(*, actor: Any, provider: Provider, data: ProviderFields) -> Provider:
    require(actor, provider.org, Perm.ORG_EDIT)
    for name, value in _checked(actor, provider.org, data, current=provider).items():
        setattr(provider, name, value)
    provider.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=provider, org=provider.org, detail={})
    return provider


@transaction.atomic
def rules_set(*, actor: Any, provider: Provider, week: Mapping[int, str]) -> None:
    """Replace the weekly rules: per weekday (0 = Monday) spans like "09:00-12:00, 14:00-17:00"."""
    require(actor, provider.org, Perm.ORG_EDIT)
    rows: list[WeeklyRule] = []
    errors: dict[str, list[str]] = {}
    for weekday in range(7):
        try:
            spans = parse_day(week.get(weekday, "") or "")
        except ValidationError as exc:
            errors[f"day_{weekday}"] = exc.messages
            continue
        for span in spans:
            if span.closes > DAY:
                errors[f"day_{weekday}"] = [_("可预约时间不能跨过午夜。")]
                continue
            rows.append(WeeklyRule(provider=provider, weekday=weekday, opens=span.opens, closes=span.closes))
    if errors:
        raise ValidationError(errors)
    WeeklyRule.objects.filter(provider=provider).delete()
    WeeklyRule.objects.bulk_create(rows)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=provider, org=provider.org, detail={"rules": len(rows)})


@transaction.atomic
def exception_set(
    *, actor: Any, provider: Provider, date: dt.date, hours: str = "", note: str = ""
) -> ProviderException:
    """A date off the weekly rule: closed when `hours` is empty, else open in the one span it gives."""
    require(actor, provider.org, Perm.ORG_EDIT)
    spans = parse_day(hours or "")
    if len(spans) > 1 or any(s.closes > DAY for s in spans):
        raise ValidationError({"hours": _("例外日期只能填写一段当天的时间，如 14:00-17:00；留空表示不接受预约。")})
    exception, _created = ProviderException.objects.update_or_create(
        provider=provider,
        date=date,
        defaults={
            "closed": not spans,
            "opens": spans[0].opens if spans else None,
            "closes": spans[0].closes if spans else None,
            "note": clean_text(note)[:100],
        },
    )
    return exception


@transaction.atomic
def exception_delete(*, actor: Any, exception: ProviderException) -> None:
    require(actor, exception.provider.org, Perm.ORG_EDIT)
    exception.delete()


@transaction.atomic
def holiday_set(*, actor: Any, org: OrgNode, date: dt.date, name: str) -> Holiday:
    require(actor, org, Perm.ORG_EDIT)
    name = clean_text(name)
    if not name:
        raise ValidationError({"name": _("请填写节假日名称。")})
    holiday, _created = Holiday.objects.update_or_create(org=org, date=date, defaults={"name": name[:50]})
    return holiday


@transaction.atomic
def holiday_delete(*, actor: Any, holiday: Holiday) -> None:
    require(actor, holiday.org, Perm.ORG_EDIT)
    holiday.delete()


@transaction.atomic
def setting_set(*, actor: Any, org: OrgNode, risk_contact: Any = None, alert_mobile: str = "") -> UnionSetting:
    """Who is alerted of risk flags raised under `org`: a staff member who may see the union."""
    require(actor, org, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    if risk_contact is not None and (
        not getattr(risk_contact, "is_staff_account", False) or not can(risk_contact, Perm.VIEW, org)
    ):
        errors["risk_contact"] = _("联系人须是本会或上级工会的工作人员。")
    mobile = ""
    if alert_mobile.strip():
        try:
            mobile = validate_mobile(alert_mobile)
        except ValidationError as exc:
            errors["alert_mobile"] = exc.messages[0]
    if errors:
        raise ValidationError(errors)
    setting, _created = UnionSetting.objects.update_or_create(
        org=org, defaults={"risk_contact": risk_contact, "alert_mobile": mobile or None}
    )
    audit_record(actor=actor, action=AuditAction.UPDATE, target=setting, org=org, detail={})
    return setting


# --- booking ------------------------------------------------------------------------------------


def _start(starts_at: dt.datetime) -> dt.datetime:
    try:
        start = timezone.localtime(aware(starts_at))
    except (OverflowError, ValueError):
        raise ValidationError({"starts_at": _("预约时间无效。")}) from None
    if start.year > 9000:
        raise ValidationError({"starts_at": _("预约时间无效。")})
    return start


def _membership_problem(provider: Provider, person: Person) -> str | None:
    membership = active_membership(person)
    if membership is None:
        return _("只有在册会员可以预约。")
    if not membership.org.path.startswith(provider.org.path):
        return _("该服务人员为%(org)s的会员服务。") % {"org": provider.org.name}
    return None


def _held(appointment: Appointment) -> Appointment:
    try:
        with transaction.atomic():
            appointment.save()
    except IntegrityError:
        raise ValidationError(_(TAKEN), code="taken") from None
    return appointment


@transaction.atomic
def appointment_book(
    *,
    actor: Any,
    provider: Provider,
    person: Person,
    starts_at: dt.datetime,
    mode: str = "",
    by_desk: bool = False,
    rescheduled_from: Appointment | None = None,
) -> Appointment:
    """A worker books a slot for themselves, or a cadre at the desk (Perm.ORG_EDIT on the worker's union)."""
    if by_desk:
        require(actor, provider.org)
        membership = active_membership(person)
        if membership is None:
            raise ValidationError(_("只有在册会员可以预约。"))
        require(actor, membership.org, Perm.ORG_EDIT)
    provider = Provider.objects.select_related("org").get(pk=provider.pk)
    if not provider.is_active:
        raise ValidationError(_("该服务人员暂不接受预约。"))
    problem = _membership_problem(provider, person)
    if problem:
        raise ValidationError(problem)
    mode = mode or (Mode.ONLINE if provider.mode == ProviderMode.ONLINE else Mode.IN_PERSON)
    if mode not in Mode.values or (provider.mode != ProviderMode.BOTH and mode != provider.mode):
        raise ValidationError({"mode": _("该服务人员只提供%(m)s服务。") % {"m": provider.get_mode_display()}})
    start = _start(starts_at)
    if start < earliest_start(provider):
        if start <= timezone.now():
            raise ValidationError({"starts_at": _("只能预约将来的时段。")})
        raise ValidationError({"starts_at": _("请至少提前 %(n)d 小时预约。") % {"n": provider.notice_hours}})
    if start.date() > last_day(provider):
        raise ValidationError({"starts_at": _("最多提前 %(n)d 天预约。") % {"n": provider.ahead_days}})
    slot = slot_at(provider, start)
    if slot is None:
        raise ValidationError({"starts_at": _("该时间不在服务人员的可预约时间内，请从可预约时段中选择。")})
    overlapping = Appointment.objects.filter(
        provider=provider, status__in=LIVE, starts_at__lt=slot.ends_at, ends_at__gt=slot.starts_at
    )
    if rescheduled_from is not None:
        overlapping = overlapping.exclude(pk=rescheduled_from.pk)
    if overlapping.exists():
        raise ValidationError(_(TAKEN), code="taken")
    appointment = _held(
        Appointment(
            provider=provider,
            person=person,
            kind=provider.kind,
            mode=mode,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            booked_by=actor if getattr(actor, "is_authenticated", False) else None,
            by_desk=by_desk,
            rescheduled_from=rescheduled_from,
        )
    )
    if by_desk:
        # The audit names the appointment, never the worker or the subject.
        audit_record(actor=actor, action=AuditAction.CREATE, target=appointment, org=provider.org, detail={})
    return appointment


def _locked(appointment: Appointment) -> Appointment:
    return Appointment.objects.select_for_update().select_related("provider__org").get(pk=appointment.pk)


def _own_provider(actor: Any, appointment: Appointment) -> None:
    if getattr(actor, "kind", None) != UserKind.PROVIDER or appointment.provider.user_id != actor.pk:
        raise PermissionDenied


def late_change_text(appointment: Appointment) -> str:
    """Why the worker can no longer cancel online, and whom to call: the provider's station (its phone is on
    the station's page) or else the provider's union."""
    provider = appointment.provider
    who = provider.station.name if provider.station is not None else provider.org.name
    return _("距开始已不足 %(n)d 小时，不能在线取消或改约，如需变动请联系%(who)s。") % {
        "n": provider.cancel_hours,
        "who": who,
    }


@transaction.atomic
def appointment_cancel(
    *, actor: Any, appointment: Appointment, person: Person | None = None, reason: str = ""
) -> Appointment:
    """The worker (their own, no later than the provider's deadline), the provider (before it starts, with
    a reason), or a cadre of the provider's union (Perm.ORG_EDIT, before it starts)."""
    appointment = _locked(appointment)
    provider = appointment.provider
    now = timezone.now()
    if person is not None:
        if appointment.person_id != person.pk:
            raise ValidationError(_("只能取消自己的预约。"))
    elif getattr(actor, "kind", None) == UserKind.PROVIDER:
        _own_provider(actor, appointment)
        if not clean_text(reason):
            raise ValidationError({"reason": _("请说明取消原因，会员会收到提醒。")})
    else:
        require(actor, provider.org, Perm.ORG_EDIT)
    if appointment.status != AppointmentStatus.BOOKED:
        raise ValidationError(_("该预约当前为“%(s)s”，不能取消。") % {"s": appointment.get_status_display()})
    if appointment.starts_at <= now:
        raise ValidationError(_("预约已开始，不能取消。"))
    if person is not None and now >= appointment.change_deadline:
        raise ValidationError(late_change_text(appointment))
    appointment.status = AppointmentStatus.CANCELLED
    appointment.cancelled_at = now
    appointment.cancel_reason = clean_text(reason)[:100]
    appointment.save(update_fields=["status", "cancelled_at", "cancel_reason", "updated_at"])
    return appointment


@transaction.atomic
def appointment_reschedule(*, person: Person, appointment: Appointment, starts_at: dt.datetime) -> Appointment:
    """Move the worker's own appointment to another free slot of the same provider, within the cancel
    deadline; the old slot is freed only when the new one is held (both or neither)."""
    old = appointment_cancel(actor=None, appointment=appointment, person=person, reason=_("改约"))
    return appointment_book(
        actor=None,
        provider=old.provider,
        person=person,
        starts_at=starts_at,
        mode=old.mode,
        rescheduled_from=old,
    )


@transaction.atomic
def appointment_mark(*, actor: Any, appointment: Appointment, status: str) -> Appointment:
    """The provider records a session as done or missed (未到场), once it has started; a mistake may be
    corrected the same way."""
    appointment = _locked(appointment)
    _own_provider(actor, appointment)
    if status not in (AppointmentStatus.DONE, AppointmentStatus.NO_SHOW):
        raise ValidationError(_("只能登记为已完成或未到场。"))
    if appointment.status == AppointmentStatus.CANCELLED:
        raise ValidationError(_("该预约已取消。"))
    if appointment.starts_at > timezone.now():
        raise ValidationError(_("预约尚未开始，不能登记。"))
    appointment.status = status
    appointment.marked_at = timezone.now()
    appointment.save(update_fields=["status", "marked_at", "updated_at"])
    return appointment


# --- notes and risk flags -----------------------------------------------------------------------


def _note_aad(appointment: Appointment) -> str:
    return f"appointments.note.{appointment.pk}"


@transaction.atomic
def note_write(*, actor: Any, appointment: Appointment, text: str) -> SessionNote:
    """The provider's note of the session, sealed and bound to this appointment."""
    _own_provider(actor, appointment)
    if appointment.status == AppointmentStatus.CANCELLED:
        raise ValidationError(_("该预约已取消。"))
    text = text.replace("\x00", "").strip()
    if not text:
        raise ValidationError({"text": _("请填写记录内容。")})
    if len(text) > NOTE_MAX:
        raise ValidationError({"text": _("记录最多 %(n)d 字。") % {"n": NOTE_MAX}})
    note, _created = SessionNote.objects.update_or_create(
        appointment=appointment, defaults={"sealed": seal(text, aad=_note_aad(appointment)), "written_by": actor}
    )
    return note


def note_read(*, actor: Any, appointment: Appointment, request: HttpRequest | None = None) -> str:
    """The note's text for its provider only; each read is audited (查阅敏感档案)."""
    _own_provider(actor, appointment)
    note = SessionNote.objects.filter(appointment=appointment).first()
    if note is None:
        return ""
    audit_record(
        actor=actor,
        action=AuditAction.VIEW_SENSITIVE,
        target=note,
        org=appointment.provider.org,
        detail={"appointment": appointment.pk},
        request=request,
    )
    return unseal(note.sealed, aad=_note_aad(appointment))


def risk_contact_for(org: OrgNode) -> UnionSetting | None:
    """The nearest setting up the tree that names a contact."""
    settings = UnionSetting.objects.filter(org__path__in=paths_up(org.path), risk_contact__isnull=False)
    return max(settings.select_related("org", "risk_contact"), key=lambda s: len(s.org.path), default=None)


@transaction.atomic
def risk_flag_raise(*, actor: Any, appointment: Appointment) -> RiskFlag:
    """The provider asks the union to reach out to the worker; the designated cadre is alerted with no
    clinical detail (who, when, which provider: never the note)."""
    _own_provider(actor, appointment)
    setting = risk_contact_for(appointment.provider.org)
    try:
        with transaction.atomic():
            flag = RiskFlag.objects.create(
                appointment=appointment,
                org=appointment.provider.org,
                raised_by=actor,
                contact=setting.risk_contact if setting else None,
            )
    except IntegrityError:
        raise ValidationError(_("已提出风险提示，工会尚未处理。")) from None
    if setting is not None and setting.alert_mobile:
        text = _("【工会预约服务】有一条新的风险提示，请尽快登录工作台“风险提示”查看并联系。")
        if notices.send_notice(mobile=setting.alert_mobile.reveal(), text=text):
            flag.alerted_at = timezone.now()
            flag.save(update_fields=["alerted_at"])
    audit_record(actor=actor, action=AuditAction.CREATE, target=flag, org=flag.org, detail={})
    return flag


@transaction.atomic
def risk_flag_acknowledge(*, actor: Any, flag: RiskFlag) -> RiskFlag:
    """The designated cadre records that they took it up."""
    require(actor, flag.org)
    flag = RiskFlag.objects.select_for_update().get(pk=flag.pk)
    if flag.contact_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied
    if flag.acknowledged_at is not None:
        raise ValidationError(_("该提示已处理。"))
    flag.acknowledged_by, flag.acknowledged_at = actor, timezone.now()
    flag.save(update_fields=["acknowledged_by", "acknowledged_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=flag, org=flag.org, detail={"acknowledged": True})
    return flag


# --- reminders ----------------------------------------------------------------------------------


def reminder_text(appointment: Appointment) -> str:
    start = timezone.localtime(appointment.starts_at)
    provider = appointment.provider
    where = provider.place or (provider.station.name if provider.station else "")
    return _("【工会预约服务】您预约的%(kind)s将于%(at)s开始，%(where)s。如需取消请在“我的”操作。") % {
        "kind": appointment.get_kind_display(),
        "at": f"{start:%m-%d %H:%M}",
        "where": where or appointment.get_mode_display(),
    }


def reminders_send(*, now: dt.datetime | None = None, hours: int = REMIND_HOURS) -> int:
    """Text each worker whose booked appointment starts within `hours`, once (the sent marker): safe to run
    as often as cron likes. Each appointment is claimed before sending, so two runs never both send it; a
    refused send releases the claim for the next run. Returns how many were sent."""
    now = now or timezone.now()
    due = Appointment.objects.filter(
        status=AppointmentStatus.BOOKED,
        reminded_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + dt.timedelta(hours=hours),
    ).select_related("provider__station", "person")
    sent = 0
    for appointment in due.iterator(chunk_size=500):
        if not Appointment.objects.filter(pk=appointment.pk, reminded_at__isnull=True).update(reminded_at=now):
            continue  # another run took it
        mobile = appointment.person.mobile
        if mobile and notices.send_notice(mobile=mobile.reveal(), text=reminder_text(appointment)):
            sent += 1
        elif mobile:
            Appointment.objects.filter(pk=appointment.pk).update(reminded_at=None)
    return sent
