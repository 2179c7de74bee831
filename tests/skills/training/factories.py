"""Builders of the training tests: a base at an enterprise, a course (电工), a class with sessions soon."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.test import Client
from django.utils import timezone

from gonghui.accounts.models import UserKind
from gonghui.events.checkin import ScanIn, scan_record
from gonghui.events.models import Event, Scan, SignUp
from gonghui.events.tickets import ticket_token
from gonghui.members.models import Person, WorkerAccount
from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.models import Occupation
from gonghui.skills.training import catalog, classes
from gonghui.skills.training.choices import BaseKind
from gonghui.skills.training.models import Course, Session, TrainingBase, TrainingClass
from tests.factories import EnterpriseFactory, UserFactory


def electrician() -> Occupation:
    return Occupation.objects.get_or_create(code="6-31-01-03", defaults={"name": "电工"})[0]


def make_base(actor: Any, org: OrgNode, name: str = "柳市电器技能提升培训基地") -> TrainingBase:
    enterprise = EnterpriseFactory(name=f"{name}依托企业", union=org, address="柳市镇新光工业区8号")
    data = catalog.BaseFields(kind=BaseKind.BASE, name=name, enterprise=enterprise)
    return catalog.base_create(actor=actor, org=org, data=data)


def make_course(actor: Any, org: OrgNode, title: str = "电工技能提升", hours: str = "8") -> Course:
    data = catalog.CourseFields(title=title, hours=Decimal(hours), occupation=electrician(), outline="安全用电")
    return catalog.course_create(actor=actor, org=org, data=data)


def soon(hours: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(hours=hours)


def make_class(
    actor: Any,
    org: OrgNode,
    *,
    capacity: int = 30,
    sessions: tuple[str, ...] = ("2", "2"),
    publish: bool = True,
    **fields: Any,
) -> TrainingClass:
    """A class over yesterday to the day after tomorrow with sessions an hour apart, starting in an hour."""
    today = timezone.localdate()
    values: dict[str, Any] = {
        "course": make_course(actor, org, title=fields.pop("course_title", "电工技能提升")),
        "base": make_base(actor, org, name=fields.pop("base_name", "柳市电器技能提升培训基地")),
        "title": "电工技能提升培训班（第1期）",
        "starts_on": today - dt.timedelta(days=1),
        "ends_on": today + dt.timedelta(days=2),
        "capacity": capacity,
    }
    values.update(fields)
    klass = classes.class_create(actor=actor, org=org, data=classes.ClassFields(**values))
    for n, hours in enumerate(sessions):
        add_session(actor, klass, start=soon(1 + 2 * n), hours=hours, topic=f"第{n + 1}讲")
    if publish:
        klass = classes.class_publish(actor=actor, klass=klass)
    return klass


def add_session(
    actor: Any, klass: TrainingClass, *, start: dt.datetime, hours: str = "2", topic: str = "安全用电"
) -> Session:
    data = classes.SessionFields(
        starts_at=start, ends_at=start + dt.timedelta(hours=1), hours=Decimal(hours), teacher="郑师傅", topic=topic
    )
    return classes.session_add(actor=actor, klass=klass, data=data)


def sessions(klass: TrainingClass) -> list[Session]:
    return list(klass.sessions.select_related("event").order_by("event__starts_at", "pk"))


def check_in(actor: Any, session: Session, person: Person) -> Scan:
    """The door scans the trainee's ticket for the session (the events check-in)."""
    signup = SignUp.objects.get(event=session.event, person=person, status="confirmed")
    event = Event.objects.get(pk=session.event_id)
    return scan_record(actor=actor, event=event, scan=ScanIn(nonce=f"n-{signup.pk}", token=ticket_token(signup)))


@dataclass
class Snapshot:
    """What a refused action must leave as it was."""

    events: int
    signups: int
    held: list[int]

    @classmethod
    def of(cls, klass: TrainingClass | None = None) -> Snapshot:
        held = list(Event.objects.filter(training_session__klass=klass).order_by("pk").values_list("held", flat=True))
        return cls(Event.objects.count(), SignUp.objects.count(), held)


def worker_client(membership: Any) -> Client:
    """A phone signed in as the member's worker account."""
    user = UserFactory(username=f"w-{membership.person_id}", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=user, person=membership.person)
    client = Client()
    client.force_login(user)
    return client


def desk(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client
