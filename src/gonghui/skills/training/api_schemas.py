"""The API's schemas of 职工培训 (see api.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Schema
from pydantic import Field

from gonghui.common.api_fields import Text20, Text50, Text100, Text200, Text500
from gonghui.skills.training import completion, selectors
from gonghui.skills.training.choices import BaseKind, ClassStatus
from gonghui.skills.training.models import Course, Session, TrainingBase, TrainingClass


class BaseOut(Schema):
    id: int
    org: str
    kind: BaseKind
    name: str
    station_id: int | None
    enterprise: str
    address: str
    is_active: bool

    @staticmethod
    def resolve_org(obj: TrainingBase) -> str:
        return obj.org.code

    @staticmethod
    def resolve_enterprise(obj: TrainingBase) -> str:
        return obj.enterprise.name if obj.enterprise else ""


class BaseIn(Schema):
    org_code: Text100
    kind: BaseKind
    name: Text100
    station_id: int | None = None
    enterprise_uscc: Text20 = ""
    address: Text200 = ""


class CourseOut(Schema):
    id: int
    org: str
    title: str
    occupation: str
    hours: Decimal
    outline: str

    @staticmethod
    def resolve_org(obj: Course) -> str:
        return obj.org.code

    @staticmethod
    def resolve_occupation(obj: Course) -> str:
        return obj.occupation.code if obj.occupation else ""


class CourseIn(Schema):
    org_code: Text100
    title: Text100
    hours: Decimal = Field(gt=0, max_digits=5, decimal_places=1)
    occupation_code: Text50 = Field(default="", description="职业分类大典编码, e.g. 6-31-01-03")
    outline: Text500 = ""


class TrainingSessionOut(Schema):
    id: int
    event_id: int  # check in at the session with events_checkins on this event
    topic: str
    teacher: str
    hours: Decimal
    starts_at: dt.datetime
    ends_at: dt.datetime

    @staticmethod
    def resolve_starts_at(obj: Session) -> dt.datetime:
        return obj.event.starts_at

    @staticmethod
    def resolve_ends_at(obj: Session) -> dt.datetime:
        return obj.event.ends_at


class ClassOut(Schema):
    id: int
    org: str
    title: str
    course_id: int
    base_id: int
    starts_on: dt.date
    ends_on: dt.date
    capacity: int
    members_only: bool
    completion_percent: int
    status: ClassStatus

    @staticmethod
    def resolve_org(obj: TrainingClass) -> str:
        return obj.org.code


class ClassDetailOut(ClassOut):
    sessions: list[TrainingSessionOut]
    hours: Decimal  # of all its sessions not cancelled
    hours_to_complete: Decimal

    @staticmethod
    def resolve_sessions(obj: TrainingClass) -> list[Session]:
        return list(selectors.sessions_of(obj))

    @staticmethod
    def resolve_hours(obj: TrainingClass) -> Decimal:
        return completion.class_hours(obj)

    @staticmethod
    def resolve_hours_to_complete(obj: TrainingClass) -> Decimal:
        return completion.required_hours(obj)


class ClassPage(Schema):
    items: list[ClassOut]
    next_after: int | None


class ClassIn(Schema):
    org_code: Text100
    course_id: int
    base_id: int
    title: Text50
    starts_on: dt.date
    ends_on: dt.date
    capacity: int = Field(ge=1, le=10_000)
    completion_percent: int = Field(default=80, ge=1, le=100)
    members_only: bool = True
    audience_code: Text100 = ""
    description: Text500 = ""


class TrainingSessionIn(Schema):
    starts_at: dt.datetime
    ends_at: dt.datetime
    hours: Decimal = Field(gt=0, max_digits=4, decimal_places=1)
    teacher: Text50
    topic: Text100


class EnrolmentOut(Schema):
    id: int
    name: str
    org: str | None
    status: str
    hours: Decimal
    completed: bool
    certificate: str | None


class EnrolmentIn(Schema):
    membership_id: int


class SessionAttendance(Schema):
    session_id: int
    event_id: int
    starts_at: dt.datetime
    hours: Decimal
    signed_up: int
    came: int


class CertificatesIn(Schema):
    enrolment_ids: list[int] = Field(default_factory=list, max_length=2000, description="empty: all who completed")


class CompletionOut(Schema):
    enrolment_name: str
    hours: Decimal
    certificate: str
