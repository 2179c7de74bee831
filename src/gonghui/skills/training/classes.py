"""Writes of 培训班: create a class, add its sessions (each an events.Event of kind training), publish it.

A session's event carries the class's places and audience, and takes no walk-ins: only trainees signed up for
it (the enrolled, see `enrolment`) come through its door.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.moments import aware
from gonghui.common.textnorm import clean_text
from gonghui.events import services as event_services
from gonghui.events.choices import EventKind, EventStatus, SignUpStatus
from gonghui.events.signups import signup_create
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.training.choices import ClassStatus, EnrolmentStatus
from gonghui.skills.training.models import Course, Enrolment, Session, TrainingBase, TrainingClass

MAX_CAPACITY = 10_000
MAX_SESSION_HOURS = Decimal(12)


def _related(a: OrgNode, b: OrgNode) -> bool:
    """The same union, or one above the other."""
    return a.path.startswith(b.path) or b.path.startswith(a.path)


@dataclass
class ClassFields:
    course: Course
    base: TrainingBase
    title: str
    starts_on: dt.date
    ends_on: dt.date
    capacity: int
    description: str = ""
    audience_org: OrgNode | None = None
    members_only: bool = True
    completion_percent: int = 80


def _check_class(org: OrgNode, data: ClassFields) -> dict[str, str]:
    errors: dict[str, str] = {}
    data.title = clean_text(data.title)[:80]
    if not data.title:
        errors["title"] = _("请填写培训班名称。")
    if not org.path.startswith(data.course.org.path):
        errors["course"] = _("课程须是本会或上级工会开设的课程。")
    if not _related(org, data.base.org):
        errors["base"] = _("培训基地须属本会、上级或下级工会。")
    elif not data.base.is_active:
        errors["base"] = _("该培训基地已停用。")
    if data.ends_on < data.starts_on:
        errors["ends_on"] = _("结业日期不能早于开班日期。")
    if not 1 <= data.capacity <= MAX_CAPACITY:
        errors["capacity"] = _("招收人数须在1至%(max)s之间。") % {"max": MAX_CAPACITY}
    if not 1 <= data.completion_percent <= 100:
        errors["completion_percent"] = _("结业要求须在1%%至100%%之间。")
    if data.audience_org is not None and not _related(org, data.audience_org):
        errors["audience_org"] = _("面向工会须是主办工会或其上下级工会。")
    return errors


@transaction.atomic
def class_create(*, actor: User, org: OrgNode, data: ClassFields) -> TrainingClass:
    require(actor, org, Perm.ORG_EDIT)
    errors = _check_class(org, data)
    if errors:
        raise ValidationError(errors)
    klass = TrainingClass.objects.create(
        org=org,
        course=data.course,
        base=data.base,
        title=data.title,
        description=data.description.strip()[:2000],
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        capacity=data.capacity,
        audience_org=data.audience_org,
        members_only=data.members_only,
        completion_percent=data.completion_percent,
        created_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=klass, org=org, detail={"title": klass.title})
    return klass


def lock_class(klass: TrainingClass) -> TrainingClass:
    locked = TrainingClass.objects.select_for_update(of=("self",)).select_related("org", "base", "course")
    return locked.get(pk=klass.pk)


@dataclass
class SessionFields:
    starts_at: dt.datetime
    ends_at: dt.datetime
    hours: Decimal
    teacher: str
    topic: str


def _check_session(klass: TrainingClass, data: SessionFields) -> dict[str, str]:
    errors: dict[str, str] = {}
    data.teacher, data.topic = clean_text(data.teacher)[:50], clean_text(data.topic)[:100]
    first, last = timezone.localtime(data.starts_at).date(), timezone.localtime(data.ends_at).date()
    if data.ends_at <= data.starts_at:
        errors["ends_at"] = _("下课时间须晚于上课时间。")
    elif first < klass.starts_on or last > klass.ends_on:
        errors["starts_at"] = _("课次须在培训班的培训期内（%(first)s至%(last)s）。") % {
            "first": klass.starts_on.isoformat(),
            "last": klass.ends_on.isoformat(),
        }
    elif data.ends_at <= timezone.now():
        errors["ends_at"] = _("课次的下课时间已过，不能再排这节课。")
    if not Decimal(0) < data.hours <= MAX_SESSION_HOURS:
        errors["hours"] = _("每节课的学时须大于0且不超过%(max)s。") % {"max": MAX_SESSION_HOURS}
    if not data.teacher:
        errors["teacher"] = _("请填写授课老师。")
    if not data.topic:
        errors["topic"] = _("请填写授课内容。")
    return errors


def _event_fields(klass: TrainingClass, data: SessionFields) -> event_services.EventFields:
    return event_services.EventFields(
        kind=EventKind.TRAINING,
        title=f"{klass.title}·{data.topic}"[:100],
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        capacity=klass.capacity,
        description=_("授课老师：%(t)s") % {"t": data.teacher},
        address=klass.base.address or klass.base.name,
        station=klass.base.station,
        audience_org=klass.audience_org,
        members_only=klass.members_only,
        walk_ins=False,  # a session is for its enrolled trainees
    )


@transaction.atomic
def session_add(*, actor: User, klass: TrainingClass, data: SessionFields) -> Session:
    """Add a session; in a published class, every enrolled trainee is signed up for it at once."""
    require(actor, klass.org, Perm.ORG_EDIT)
    klass = lock_class(klass)
    if klass.status == ClassStatus.CANCELLED:
        raise ValidationError(_("培训班已取消，不能排课。"))
    data.starts_at, data.ends_at = aware(data.starts_at), aware(data.ends_at)
    errors = _check_session(klass, data)
    if errors:
        raise ValidationError(errors)
    event = event_services.event_create(actor=actor, org=klass.org, data=_event_fields(klass, data))
    session = Session.objects.create(klass=klass, event=event, topic=data.topic, hours=data.hours, teacher=data.teacher)
    if klass.status == ClassStatus.PUBLISHED:
        session.event = event = event_services.event_publish(actor=actor, event=event)
        for enrolment in Enrolment.objects.filter(klass=klass, status=EnrolmentStatus.ACTIVE).select_related("person"):
            try:
                signup = signup_create(event=event, person=enrolment.person)
            except ValidationError:
                continue  # no longer eligible (left the union): the trainee's other sessions stand
            if signup.status != SignUpStatus.CONFIRMED:  # places = the class's, so never; a guard all the same
                raise ValidationError(_("培训班名额已满，不能为已报名学员排入新课次。"))
    return session


@transaction.atomic
def class_publish(*, actor: User, klass: TrainingClass) -> TrainingClass:
    """Open the class for enrolment: its sessions still to come are published with it."""
    require(actor, klass.org, Perm.ORG_EDIT)
    klass = lock_class(klass)
    if klass.status != ClassStatus.DRAFT:
        raise ValidationError(_("只有草稿状态的培训班可以发布。"))
    now = timezone.now()
    drafts = [s.event for s in klass.sessions.select_related("event") if s.event.status == EventStatus.DRAFT]
    upcoming = [e for e in drafts if e.ends_at > now]
    if not upcoming:
        raise ValidationError(_("请先为培训班安排至少一节尚未结束的课次，再发布。"))
    for event in upcoming:
        event_services.event_publish(actor=actor, event=event)
    klass.status = ClassStatus.PUBLISHED
    klass.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=klass, org=klass.org, detail={"status": "published"})
    return klass
