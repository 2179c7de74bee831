"""The study objects (求学圆梦) of the shared permission World (see tests/world.py).

town_a runs this year's programme, open now; union_a runs one too (the API enters paper applications into
it). Applications from union_a's workers (people without a second membership, so union_a's roster stays as
it is): 李在册's own (the member persona), waiting; 钱求学's, waiting (the lists' marker); one approved
without a subsidy; one approved whose subsidy the "helper" entered and nobody has checked; one with its
admission letter.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.ledger.models import Payout
from gonghui.members.models import Person
from gonghui.members.services import person_keys
from gonghui.skills.study.choices import DegreeLevel, Eligibility, StudyMode, StudyStatus
from gonghui.skills.study.models import Application, Programme, Standard
from tests.factories import image_bytes

PROGRAMME_NAME = "大中街道求学圆梦测试计划"
MARKER_NAME = "钱求学"


def _programme(world: Any, org: Any, name: str) -> Programme:
    today = timezone.localdate()
    programme = Programme.objects.create(
        org=org,
        year=today.year,
        name=name,
        eligibility=Eligibility.FRONT_LINE,
        quota=10,
        budget=Decimal(50000),
        opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=30),
        approved_count=2,
        created_by=world.users["owner"],
    )
    Standard.objects.create(programme=programme, level=DegreeLevel.JUNIOR_COLLEGE, amount=Decimal(2000))
    return programme


def _person(name: str, id_number: str, mobile: str) -> Person:
    return Person.objects.create(name=name, id_number=id_number, mobile=mobile, **person_keys(name))


def _application(world: Any, programme: Programme, person: Person, status: str, **values: Any) -> Application:
    return Application.objects.create(
        programme=programme,
        org=world.union_a,
        person=person,
        job="数控车工",
        front_line=True,
        level=DegreeLevel.JUNIOR_COLLEGE,
        mode=StudyMode.ADULT_EXAM,
        school="盐城工业职业技术学院",
        major="数控技术",
        enrolled_year=timezone.localdate().year,
        fees=Decimal(5400),
        status=status,
        submitted_by=world.users["owner"],
        **values,
    )


def build_study(world: Any) -> SimpleNamespace:
    programme = _programme(world, world.town_a, PROGRAMME_NAME)
    union_programme = _programme(world, world.union_a, "测试基层工会求学圆梦计划")
    Programme.objects.filter(pk=union_programme.pk).update(approved_count=0)
    mine = _application(world, programme, world.member.person, StudyStatus.SUBMITTED)
    waiting = _application(
        world, programme, _person(MARKER_NAME, "32090419900101002X", "13900000101"), StudyStatus.SUBMITTED
    )
    placed = _application(
        world, programme, _person("孙学历", "320904199002020011", "13900000102"), StudyStatus.APPROVED
    )
    dreamer = _person("周圆梦", "320904199003030017", "13900000103")
    payout = Payout.objects.create(
        org=world.town_a,
        person=dreamer,
        kind=PayoutKind.STUDY,
        amount=Decimal(2000),
        fund=FundSource.UNION_FUNDS,
        paid_on=timezone.localdate(),
        maker=world.users["helper"],
    )
    entered = _application(world, programme, dreamer, StudyStatus.APPROVED, payout=payout, letter_type="image/jpeg")
    entered.letter.save("letter.jpg", ContentFile(image_bytes()), save=True)
    return SimpleNamespace(
        programme=programme, union_programme=union_programme, mine=mine, waiting=waiting, placed=placed, entered=entered
    )
