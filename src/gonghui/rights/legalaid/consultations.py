"""Writes of 法律咨询: recorded by a union (a walk-in at a station or 维权服务站, a 12351 call, a lawyer's
booked session), asked online by a worker in 我的, answered with a short answer and a follow-up.

Turning a consultation into a legal-aid case is `cases.case_from_consultation`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Appointment
from gonghui.common.audit import audit_record
from gonghui.common.mobile import validate_mobile
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.members.models import Person
from gonghui.members.selectors import live_membership
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import scope_for
from gonghui.rights.base.access import require_rights
from gonghui.rights.legalaid.access import require_consultation
from gonghui.rights.legalaid.choices import ConsultationChannel, FollowUp, Topic
from gonghui.rights.legalaid.models import Consultation
from gonghui.stations.models import Station

QUESTION_MAX = 1000
ANSWER_MAX = 1000


@dataclass
class ConsultationFields:
    channel: str
    topic: str
    question: str
    answer: str = ""
    follow_up: str = FollowUp.NONE
    call_back_on: dt.date | None = None
    name: str = ""
    mobile: str = ""
    station: Station | None = None
    appointment: Appointment | None = None
    asked_at: dt.datetime | None = None


def _check_answer(answer: str, follow_up: str, call_back_on: dt.date | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if len(answer) > ANSWER_MAX:
        errors["answer"] = _("解答不超过%(n)s字。") % {"n": ANSWER_MAX}
    if follow_up not in (FollowUp.NONE, FollowUp.CALL_BACK):
        errors["follow_up"] = _("转为援助案件请使用“转为法律援助案件”。")
    elif follow_up == FollowUp.CALL_BACK:
        if call_back_on is None:
            errors["call_back_on"] = _("约定回访须填写回访日期。")
        elif call_back_on < timezone.localdate():
            errors["call_back_on"] = _("回访日期不能早于今天。")
    return errors


def _check(actor: User, org: OrgNode, data: ConsultationFields, person: Person | None) -> dict[str, str]:
    data.question, data.answer, data.name = data.question.strip(), data.answer.strip(), clean_text(data.name)[:50]
    errors = _check_answer(data.answer, data.follow_up, data.call_back_on)
    if data.channel not in (ConsultationChannel.WALK_IN, ConsultationChannel.HOTLINE, ConsultationChannel.APPOINTMENT):
        errors["channel"] = _("请选择咨询渠道。")
    if data.topic not in Topic.values:
        errors["topic"] = _("请选择咨询类别。")
    if not data.question:
        errors["question"] = _("请填写咨询问题。")
    elif len(data.question) > QUESTION_MAX:
        errors["question"] = _("咨询问题不超过%(n)s字。") % {"n": QUESTION_MAX}
    if person is None and not data.name:
        errors["name"] = _("请填写咨询人姓名或证件号码。")
    if data.mobile:
        try:
            data.mobile = validate_mobile(data.mobile)
        except ValidationError:
            errors["mobile"] = _("请填写正确的11位手机号码。")
    if data.station is not None and not data.station.org.path.startswith(org.path):
        errors["station"] = _("该服务阵地不属于受理工会。")
    if data.channel == ConsultationChannel.APPOINTMENT:
        a = data.appointment
        if a is None:
            errors["appointment"] = _("律师预约咨询须选择对应的预约。")
        elif a.kind != ServiceKind.LEGAL or not scope_for(actor).contains(a.provider.org):
            errors["appointment"] = _("找不到该法律咨询预约，或它不在您的管理范围内。")
        elif Consultation.objects.filter(appointment=a).exists():
            errors["appointment"] = _("该预约已登记过咨询。")
    if data.asked_at is not None and data.asked_at > timezone.now():
        errors["asked_at"] = _("咨询时间不能晚于现在。")
    return errors


@transaction.atomic
def consultation_record(*, actor: User, org: OrgNode, data: ConsultationFields,
                        person: Person | None = None) -> Consultation:  # fmt: skip
    """A union records a consultation it took (the person found by the caller in its scope, or a name)."""
    require_rights(actor, org)
    appointment = data.appointment if data.channel == ConsultationChannel.APPOINTMENT else None
    if appointment is not None and person is None:
        person = appointment.person  # the worker who booked the session
    errors = _check(actor, org, data, person)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    try:
        with transaction.atomic():
            consultation = Consultation.objects.create(
                org=org, channel=data.channel, station=data.station, appointment=appointment, person=person,
                name="" if person is not None else data.name, mobile=data.mobile, topic=data.topic,
                question=data.question, answer=data.answer, answered_at=now if data.answer else None,
                answered_by=actor if data.answer else None, follow_up=data.follow_up,
                call_back_on=data.call_back_on if data.follow_up == FollowUp.CALL_BACK else None,
                asked_at=data.asked_at or now, created_by=actor,
            )  # fmt: skip
    except IntegrityError as exc:  # the same appointment recorded twice at once
        raise ValidationError({"appointment": _("该预约已登记过咨询。")}) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, target=consultation, org=org)
    return consultation


@transaction.atomic
def consultation_ask(*, person: Person, user: User, topic: str, question: str) -> Consultation:
    """A worker asks online in 我的; their union answers. Only a member (on the roll or applying) asks here."""
    membership = live_membership(person)
    if membership is None:
        raise ValidationError(_("入会后即可在线咨询；也可拨打12351职工服务热线。"))
    question = question.strip()
    errors: dict[str, str] = {}
    if topic not in Topic.values:
        errors["topic"] = _("请选择咨询类别。")
    if not question:
        errors["question"] = _("请写下您想咨询的问题。")
    elif len(question) > QUESTION_MAX:
        errors["question"] = _("咨询问题不超过%(n)s字。") % {"n": QUESTION_MAX}
    if errors:
        raise ValidationError(errors)
    return Consultation.objects.create(
        org=membership.org, channel=ConsultationChannel.ONLINE, person=person, topic=topic, question=question,
        asked_at=timezone.now(), created_by=user,
    )  # fmt: skip


@transaction.atomic
def consultation_answer(*, actor: User, consultation: Consultation, answer: str, follow_up: str = FollowUp.NONE,
                        call_back_on: dt.date | None = None) -> Consultation:  # fmt: skip
    """A short answer (the worker reads it in 我的) and the follow-up: none, or a call back by a date."""
    require_consultation(actor, consultation)
    if consultation.case_id is not None:
        raise ValidationError(_("该咨询已转为法律援助案件，请在案件中办理。"))
    answer = answer.strip()
    errors = _check_answer(answer, follow_up, call_back_on)
    if not answer:
        errors["answer"] = _("请填写简要解答。")
    if errors:
        raise ValidationError(errors)
    consultation.answer = answer
    consultation.answered_at = timezone.now()
    consultation.answered_by = actor
    consultation.follow_up = follow_up
    consultation.call_back_on = call_back_on if follow_up == FollowUp.CALL_BACK else None
    consultation.save(update_fields=["answer", "answered_at", "answered_by", "follow_up", "call_back_on", "updated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=consultation, org=consultation.org,
                 detail={"follow_up": follow_up})  # fmt: skip
    return consultation
