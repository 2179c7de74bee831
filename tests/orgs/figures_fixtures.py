"""A small tree for the domains' figure tests (orgs, members, assistance, ledger, campaigns), and a person maker.

市总 (city)
├── 县总 (county)
│   ├── 甲基层工会 (a)
│   └── 乙基层工会 (b)
└── 邻县总 (sibling)
    └── 丙基层工会 (s)

Figures are asked for a year that has ended (last year), so every count is fixed when the test is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gonghui.members.models import Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode
from tests.factories import id_number, make_org, today


@dataclass
class FigureTree:
    city: OrgNode
    county: OrgNode
    a: OrgNode
    b: OrgNode
    sibling: OrgNode
    s: OrgNode
    year: int  # last year: a period that has ended

    def day(self, month: int, day: int) -> dt.date:
        return dt.date(self.year, month, day)


def figure_tree() -> FigureTree:
    city = make_org("测试市总工会", kind=OrgKind.FED_CITY, code="f-city")
    county = make_org("测试县总工会", parent=city, kind=OrgKind.FED_COUNTY, code="f-county")
    a = make_org("甲基层工会", parent=county, code="f-a")
    b = make_org("乙基层工会", parent=county, code="f-b")
    sibling = make_org("邻县总工会", parent=city, kind=OrgKind.FED_COUNTY, code="f-sibling")
    s = make_org("丙基层工会", parent=sibling, code="f-s")
    for org in (city, county, a, b, sibling, s):
        org.refresh_from_db()
    return FigureTree(city, county, a, b, sibling, s, today().year - 1)


def person(seq: int, *, sex: str = "M", migrant: bool = False) -> Person:
    name = f"职工{seq}"
    return Person.objects.create(
        name=name,
        id_number=id_number(seq),
        mobile=f"136{seq:08d}",
        sex=sex,
        is_migrant_worker=migrant,
        **person_keys(name),
    )
