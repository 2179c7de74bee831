"""A county with three towns and a hand-counted month of joins, for the returns tests.

建湖县总工会 (county, its admin "county-admin")
├── 上冈镇总工会 (town1, its organizer "town1-cadre"): 2 join in the month, 1 the month before
│   └── 上冈基层工会 (g1, grassroots: files the yearly form only): 1 joins in the month
├── 近湖街道总工会 (town2, its admin "town2-cadre"): 3 join in the month, 2 of them women
├── 冈东镇总工会 (town3): 1 joins in the month; never files
└── 县直机关基层工会 (direct, grassroots): nobody
and the county's own roll (本级): 1 joins in the month.
阜宁县总工会 (sibling county, "sibling-admin") → 阜城街道总工会: 5 join in the month, never counted above.

So for the month: 新入会 town1 3, town2 3, town3 1, county 8; 会员总数 at the month's end town1 4, town2 3,
town3 1, county 9. The month is the one before last: ended, and past its due day (the 5th of last month).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from gonghui.accounts.services import api_token_issue
from gonghui.common import figures as registry
from gonghui.common.figures import Period
from gonghui.members.models import Membership
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Role
from gonghui.reports.periods import period_key
from gonghui.reports.returns.return_forms import return_form_get
from tests.factories import UserFactory, grant, make_member, make_org, today

MONTHLY = "members-monthly"
YEARLY = "orgs-yearly"


@pytest.fixture
def members_and_orgs_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry holds the groups these tests count by hand (会员, 组织建设); the others' rows read as not
    counted. The full registry is checked against the forms in test_return_forms."""
    kept = {key: group for key, group in registry.FIGURE_GROUPS.items() if key in ("members", "orgs")}
    monkeypatch.setattr(registry, "FIGURE_GROUPS", kept)


@dataclass
class Fed:
    county: OrgNode
    town1: OrgNode
    g1: OrgNode
    town2: OrgNode
    town3: OrgNode
    direct: OrgNode
    sibling: OrgNode
    sibling_town: OrgNode
    county_admin: Any
    town1_cadre: Any
    town2_cadre: Any
    sibling_admin: Any
    month: Period
    seq: list[int]

    @property
    def key(self) -> str:
        return period_key(self.month)

    def join(self, org: OrgNode, on: dt.date, *, sex: str = "M") -> Membership:
        """A member of `org` who joined on `on` (a new member, not a transfer)."""
        self.seq[0] += 1
        membership = make_member(org, self.seq[0], sex=sex)
        Membership.objects.filter(pk=membership.pk).update(joined_on=on)
        return membership


def the_month() -> Period:
    monthly = return_form_get(MONTHLY)
    return monthly.previous(monthly.latest_ended(today()))


@pytest.fixture
def fed(db: None, members_and_orgs_only: None) -> Fed:
    county = make_org("建湖县总工会", kind=OrgKind.FED_COUNTY, code="t-jianhu")
    town1 = make_org("上冈镇总工会", parent=county, kind=OrgKind.TOWN, code="t-shanggang")
    g1 = make_org("上冈基层工会", parent=town1, code="t-sg-jiceng")
    town2 = make_org("近湖街道总工会", parent=county, kind=OrgKind.TOWN, code="t-jinhu")
    town3 = make_org("冈东镇总工会", parent=county, kind=OrgKind.TOWN, code="t-gangdong")
    direct = make_org("县直机关基层工会", parent=county, code="t-xianzhi")
    sibling = make_org("阜宁县总工会", kind=OrgKind.FED_COUNTY, code="t-funing")
    sibling_town = make_org("阜城街道总工会", parent=sibling, kind=OrgKind.TOWN, code="t-fucheng")
    users = {
        name: UserFactory(username=name) for name in ("county-admin", "town1-cadre", "town2-cadre", "sibling-admin")
    }
    grant(users["county-admin"], county)
    grant(users["town1-cadre"], town1, Role.ORGANIZER)
    grant(users["town2-cadre"], town2)
    grant(users["sibling-admin"], sibling)
    month = the_month()
    f = Fed(
        county=county,
        town1=town1,
        g1=g1,
        town2=town2,
        town3=town3,
        direct=direct,
        sibling=sibling,
        sibling_town=sibling_town,
        county_admin=users["county-admin"],
        town1_cadre=users["town1-cadre"],
        town2_cadre=users["town2-cadre"],
        sibling_admin=users["sibling-admin"],
        month=month,
        seq=[0],
    )
    middle = month.start + dt.timedelta(days=9)
    for _ in range(2):
        f.join(town1, middle)
    f.join(g1, month.end)
    f.join(town1, month.start - dt.timedelta(days=1))  # the month before: on the roll, not new
    f.join(town2, month.start)
    f.join(town2, middle, sex="F")
    f.join(town2, month.end, sex="F")
    f.join(town3, middle)
    f.join(county, middle)
    for _ in range(5):
        f.join(sibling_town, middle)
    return f


def desk(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api(user: Any) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token_issue(user=user, name='t').secret}"})
