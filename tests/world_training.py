"""The training objects (职工培训) of the shared permission World (see tests/world.py).

union_a registers a teaching point at its enterprise; town_a offers a course (trade 测试电工); union_a runs a
published class of it with one session to come, for which 李在册 (the member persona) is enrolled and was
checked in (the door opens hours before a session), so he has completed it and no certificate is issued yet.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.events.choices import EventKind, EventStatus, SignUpStatus
from gonghui.events.models import Event, SignUp
from gonghui.skills.certification.models import Occupation
from gonghui.skills.training.choices import BaseKind, ClassStatus
from gonghui.skills.training.models import Course, Enrolment, Session, TrainingBase, TrainingClass

BASE_NAME = "测试机械企业培训教学点"
COURSE_TITLE = "测试电工技能提升课程"
CLASS_TITLE = "测试电工技能提升培训班"
TRADE = "测试电工"


def build_training(world: Any) -> SimpleNamespace:
    owner = world.users["owner"]
    occupation = Occupation.objects.get_or_create(code="9-99-99-01", defaults={"name": TRADE})[0]
    base = TrainingBase.objects.create(
        org=world.union_a,
        kind=BaseKind.TEACHING_POINT,
        name=BASE_NAME,
        enterprise=world.enterprise,
        address="大中街道工业园1号",
        created_by=owner,
    )
    course = Course.objects.create(
        org=world.town_a, title=COURSE_TITLE, occupation=occupation, hours=Decimal(2), created_by=owner
    )
    today = timezone.localdate()
    klass = TrainingClass.objects.create(
        org=world.union_a,
        course=course,
        base=base,
        title=CLASS_TITLE,
        starts_on=today - dt.timedelta(days=1),
        ends_on=today + dt.timedelta(days=30),
        capacity=30,
        status=ClassStatus.PUBLISHED,
        created_by=owner,
    )
    start = timezone.now() + dt.timedelta(hours=3)
    event = Event.objects.create(
        org=world.union_a,
        kind=EventKind.TRAINING,
        title=f"{CLASS_TITLE}·安全用电",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        address=base.address,
        capacity=30,
        held=1,
        walk_ins=False,
        status=EventStatus.PUBLISHED,
        created_by=owner,
    )
    session = Session.objects.create(klass=klass, event=event, topic="安全用电", hours=Decimal(2), teacher="王师傅")
    enrolment = Enrolment.objects.create(
        klass=klass, person=world.member.person, membership=world.member, org=world.union_a
    )
    signup = SignUp.objects.create(
        event=event,
        person=world.member.person,
        membership=world.member,
        org=world.union_a,
        status=SignUpStatus.CONFIRMED,
        checked_in_at=timezone.now(),
    )
    return SimpleNamespace(
        occupation=occupation,
        base=base,
        course=course,
        klass=klass,
        session=session,
        enrolment=enrolment,
        signup=signup,
    )
