"""A hand-counted ledger for the 发放 and 四季送 figure tests, on the figure tree (tests/orgs/figures_fixtures.py).

Last year, approved unless noted:
  p1  甲 (a)   P1  生活救助 1,000   10 Jan   冬送温暖 (county's)
  p2  乙 (b)   P1  慰问金     500   10 Feb   冬送温暖        ← the same person, paid by a second union
  p3  甲 (a)   P2  物资折价   200   15 Jul   夏送清凉 (a's)
  p4  乙 (b)   P3  医疗救助 3,000    1 Apr
  p5  甲 (a)   an enterprise 其他 800   1 May
  p6  甲 (a)   P4  生活救助   999    1 Mar   pending
  p7  甲 (a)   P5  生活救助   700    1 Mar   rejected
  p8  丙 (s)   P6  生活救助   400    5 Jan   (the sibling county)
  p9  甲 (a)   P1  生活救助   100   31 Dec the year before
Campaigns: 冬送温暖 (county, budget 10,000, Jan-Feb), 夏送清凉 (a, budget 5,000, Jul-Aug), 专项慰问 the year before
(county, budget 8,000), 春送岗位 (sibling's s, budget 2,000, Mar) with a job fair offering 120 jobs on 10 March.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.campaigns.choices import CampaignKind
from gonghui.campaigns.models import Campaign, JobFair
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.orgs.models import OrgNode
from tests.factories import EnterpriseFactory, UserFactory
from tests.orgs.figures_fixtures import FigureTree, person


@dataclass
class Ledger:
    tree: FigureTree
    winter: Campaign
    summer: Campaign
    spring: Campaign


def campaign(org: OrgNode, kind: str, year: int, months: tuple[int, int], budget: int) -> Campaign:
    return Campaign.objects.create(
        org=org,
        name=f"{year}年{CampaignKind(kind).label}",
        kind=kind,
        year=year,
        starts_on=dt.date(year, months[0], 1),
        ends_on=dt.date(year, months[1], 28),
        budget=Decimal(budget),
    )


def build_ledger(t: FigureTree) -> Ledger:
    maker, checker = UserFactory(username="f-maker"), UserFactory(username="f-checker")
    y = t.year
    winter = campaign(t.county, CampaignKind.WINTER_WARMTH, y, (1, 2), 10_000)
    summer = campaign(t.a, CampaignKind.SUMMER_COOL, y, (7, 8), 5_000)
    campaign(t.county, CampaignKind.SPECIAL, y - 1, (3, 4), 8_000)
    spring = campaign(t.s, CampaignKind.SPRING_JOBS, y, (3, 3), 2_000)
    JobFair.objects.create(
        campaign=spring, held_on=dt.date(y, 3, 10), place="丙镇广场", employers=12, jobs_offered=120, visitors=300
    )
    p1, p2, p3, p4, p5, p6 = (person(600 + n) for n in range(1, 7))

    def pay(org: OrgNode, paid_on: dt.date, kind: str, amount: int, **fields: Any) -> Payout:
        status = fields.pop("status", PayoutStatus.APPROVED)
        return Payout.objects.create(
            org=org,
            kind=kind,
            amount=Decimal(amount),
            fund=FundSource.UNION_FUNDS,
            paid_on=paid_on,
            status=status,
            maker=maker,
            checker=checker if status != PayoutStatus.PENDING else None,
            **fields,
        )

    pay(t.a, dt.date(y, 1, 10), PayoutKind.LIVING, 1000, person=p1, campaign=winter)
    pay(t.b, dt.date(y, 2, 10), PayoutKind.CONDOLENCE, 500, person=p1, campaign=winter)
    pay(
        t.a,
        dt.date(y, 7, 15),
        PayoutKind.GOODS,
        0,
        goods_value=Decimal(200),
        goods="清凉包",
        person=p2,
        campaign=summer,
    )
    pay(t.b, dt.date(y, 4, 1), PayoutKind.MEDICAL, 3000, person=p3)
    pay(t.a, dt.date(y, 5, 1), PayoutKind.OTHER, 800, enterprise=EnterpriseFactory(union=t.a))
    pay(t.a, dt.date(y, 3, 1), PayoutKind.LIVING, 999, person=p4, status=PayoutStatus.PENDING)
    pay(t.a, dt.date(y, 3, 1), PayoutKind.LIVING, 700, person=p5, status=PayoutStatus.REJECTED)
    pay(t.s, dt.date(y, 1, 5), PayoutKind.LIVING, 400, person=p6)
    pay(t.a, dt.date(y - 1, 12, 31), PayoutKind.LIVING, 100, person=p1)
    return Ledger(t, winter, summer, spring)
