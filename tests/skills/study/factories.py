"""Factories of the study tests (the tree and members are in tests/factories.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.skills.study.choices import DegreeLevel, Eligibility, StudyMode, StudyStatus
from gonghui.skills.study.models import Application, Programme, Standard
from gonghui.skills.study.services import ApplicationFields, ProgrammeFields


def programme_fields(**overrides: Any) -> ProgrammeFields:
    today = timezone.localdate()
    values: dict[str, Any] = {
        "year": today.year,
        "name": f"{today.year}年一线职工求学圆梦行动",
        "eligibility": Eligibility.FRONT_LINE,
        "quota": 3,
        "budget": Decimal(10000),
        "opens_on": today - dt.timedelta(days=10),
        "closes_on": today + dt.timedelta(days=20),
        "standards": {DegreeLevel.JUNIOR_COLLEGE: Decimal(2000), DegreeLevel.BACHELOR: Decimal(3000)},
    }
    values.update(overrides)
    return ProgrammeFields(**values)


def make_programme(org: OrgNode, by: Any, **overrides: Any) -> Programme:
    """A programme as the database holds it, open today (services are tested on their own)."""
    data = programme_fields(**overrides)
    programme = Programme.objects.create(
        org=org,
        year=data.year,
        name=data.name,
        eligibility=data.eligibility,
        quota=data.quota,
        budget=data.budget,
        opens_on=data.opens_on,
        closes_on=data.closes_on,
        created_by=by,
    )
    Standard.objects.bulk_create(Standard(programme=programme, level=k, amount=v) for k, v in data.standards.items())
    return programme


def app_fields(**overrides: Any) -> ApplicationFields:
    values: dict[str, Any] = {
        "job": "数控车工",
        "level": DegreeLevel.JUNIOR_COLLEGE,
        "mode": StudyMode.ADULT_EXAM,
        "school": "盐城工业职业技术学院",
        "major": "数控技术",
        "enrolled_year": timezone.localdate().year,
        "fees": Decimal(5400),
        "front_line": True,
    }
    values.update(overrides)
    return ApplicationFields(**values)


def make_application(
    programme: Programme, person: Person, org: OrgNode, by: Any, *, status: str = StudyStatus.SUBMITTED
) -> Application:
    data = app_fields()
    if status in (StudyStatus.APPROVED, StudyStatus.GRADUATED):
        Programme.objects.filter(pk=programme.pk).update(approved_count=programme.approved_count + 1)
        programme.refresh_from_db()
    return Application.objects.create(
        programme=programme,
        org=org,
        person=person,
        job=data.job,
        front_line=True,
        level=data.level,
        mode=data.mode,
        school=data.school,
        major=data.major,
        enrolled_year=data.enrolled_year,
        fees=data.fees,
        status=status,
        submitted_by=by,
        graduated_on=timezone.localdate() if status == StudyStatus.GRADUATED else None,
    )
