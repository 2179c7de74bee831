"""Enrolment in a class, on the events engine: enrolling signs the trainee up for every session still to come.

The places are the sessions' events' (`held` under `CHECK (held <= capacity)`, moved by the engine's
conditional UPDATE), so a rush never over-fills a class. A class takes no waiting list: where the engine
would put the trainee on a session's waiting list the enrolment is refused as a whole and nothing stays
written. One active enrolment per trainee and class is a partial unique index.

A worker may also sign up for a single session from 活动报名 (a drop-in): that attendance counts towards the
hours like any other, but only an enrolment is shown in 我的培训 and on the class's roster.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.events.choices import ACTIVE, EventStatus, SignUpStatus
from gonghui.events.models import SignUp
from gonghui.events.signups import signup_cancel, signup_create
from gonghui.members.models import Person
from gonghui.members.selectors import live_membership
from gonghui.skills.training.choices import ClassStatus, EnrolmentStatus
from gonghui.skills.training.models import Enrolment, Session, TrainingClass

HOLDS = (SignUpStatus.CONFIRMED, SignUpStatus.OFFERED, SignUpStatus.WALK_IN)
ALREADY = gettext_lazy("您已报名该培训班，请在“我的培训”中查看。")


def upcoming_sessions(klass: TrainingClass) -> list[Session]:
    return list(
        klass.sessions.filter(event__status=EventStatus.PUBLISHED, event__starts_at__gt=timezone.now())
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )


@transaction.atomic
def enrol(*, klass: TrainingClass, person: Person, actor: User | None = None) -> Enrolment:
    """Enrol the trainee (the worker in 我的, or a cadre who checked their scope, `actor`)."""
    if klass.status != ClassStatus.PUBLISHED:
        raise ValidationError(_("培训班未发布或已取消，不能报名。"))
    sessions = upcoming_sessions(klass)
    if not sessions:
        raise ValidationError(_("培训班已没有待上的课次，不能报名。"))
    if Enrolment.objects.filter(klass=klass, person=person, status=EnrolmentStatus.ACTIVE).exists():
        raise ValidationError(ALREADY)
    membership = live_membership(person)
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                klass=klass, person=person, membership=membership, org=membership.org if membership else None
            )
    except IntegrityError as exc:  # the same trainee, twice at once
        raise ValidationError(ALREADY) from exc
    for session in sessions:
        held = SignUp.objects.filter(event=session.event, person=person, status__in=HOLDS).exists()
        if held:  # signed up for this session before (a drop-in): that place is theirs already
            continue
        signup = signup_create(event=session.event, person=person)
        if signup.status != SignUpStatus.CONFIRMED:  # the engine found no place: no waiting list for a class
            raise ValidationError(_("培训班名额已满（%(n)s人），不能报名。") % {"n": klass.capacity})
    if actor is not None:
        audit_record(actor=actor, action=AuditAction.CREATE, target=enrolment, org=klass.org, detail={"enrol": 1})
    return enrolment


@transaction.atomic
def withdraw(*, enrolment: Enrolment, actor: User | None = None) -> Enrolment:
    """Leave the class: the places in the sessions still to come are given back (attended ones stay)."""
    enrolment = Enrolment.objects.select_for_update().select_related("klass").get(pk=enrolment.pk)
    if enrolment.status != EnrolmentStatus.ACTIVE:
        raise ValidationError(_("已退出该培训班。"))
    for session in upcoming_sessions(enrolment.klass):
        signup = SignUp.objects.filter(
            event=session.event, person_id=enrolment.person_id, status__in=ACTIVE, checked_in_at__isnull=True
        ).first()
        if signup is not None and signup.status != SignUpStatus.WALK_IN:
            signup_cancel(signup=signup, actor=actor)
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.withdrawn_at = timezone.now()
    enrolment.save(update_fields=["status", "withdrawn_at"])
    if actor is not None:
        audit_record(
            actor=actor, action=AuditAction.UPDATE, target=enrolment, org=enrolment.klass.org, detail={"withdrawn": 1}
        )
    return enrolment
