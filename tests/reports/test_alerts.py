"""The dashboard's alerts, hand-counted: overdue join applications, overspent campaigns, red warnings and
contracts ending within 60 days, each narrowed to the union's subtree (or the user's whole scope) and linked to
its list with the same narrowing.

商南县总工会 (county) ── 城关 (u1), 富水 (u2);  泰安市总工会 (elsewhere) beside it:

                        county   u1   u2   elsewhere
  overdue applications     0      2    1      1       (+ a fresh application in u1, + an approved member)
  overspent campaigns      0      1    0      1       (+ u1: one within budget, one overspent last year,
                                                         one without a budget; county: pending payouts only)
  open red warnings        0      1    0      1       (+ u1: a closed red, an open orange)
  contracts ending ≤ 60 d  0      1    1      0       (+ u1: one in 61 days, one already renewed, one unsigned)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.campaigns.models import Campaign
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode
from gonghui.reports.alerts import alerts_at
from gonghui.rights.contracts.models import Contract
from gonghui.rights.earlywarning.models import EarlyWarning
from tests.factories import EnterpriseFactory, UserFactory, make_member, today
from tests.reports.test_dashboard import County


class Alerting(County):
    def __init__(self) -> None:
        super().__init__()
        self.checker = UserFactory(username="sn-checker")
        long_ago = timezone.now() - dt.timedelta(days=40)
        for org, n in ((self.u1, 2), (self.u2, 1), (self.elsewhere, 1)):
            for _ in range(n):
                self.applicant(org, long_ago)
        self.applicant(self.u1, timezone.now())  # applied today: not overdue
        year = today().year
        self.campaign(self.u1, year, budget=1000, approved=[800, 300])  # 1,100 > 1,000
        self.campaign(self.u1, year, budget=1000, approved=[1000])  # exactly the budget: not over
        self.campaign(self.u1, year - 1, budget=100, approved=[200])  # last year's
        self.campaign(self.u1, year, budget=0, approved=[50])  # no budget set
        self.campaign(self.county, year, budget=100, approved=[], pending=[500])  # entered, not approved
        self.campaign(self.elsewhere, year, budget=10, approved=[20])
        self.warning(self.u1, "red", open_=True)
        self.warning(self.u1, "red", open_=False)
        self.warning(self.u1, "orange", open_=True)
        self.warning(self.elsewhere, "red", open_=True)
        day = today()
        self.contract(self.u1, day + dt.timedelta(days=60))
        self.contract(self.u2, day)
        self.contract(self.u1, day + dt.timedelta(days=61))
        renewed = self.contract(self.u1, day + dt.timedelta(days=10))
        self.contract(self.u1, day + dt.timedelta(days=400), renews=renewed)
        self.contract(self.u1, day + dt.timedelta(days=5), stage="negotiating")

    def applicant(self, org: OrgNode, applied_at: dt.datetime) -> Membership:
        member = make_member(org, 1000 + self.seq)
        self.seq += 1
        Membership.objects.filter(pk=member.pk).update(status=MembershipStatus.PENDING, applied_at=applied_at)
        return member

    def campaign(
        self, org: OrgNode, year: int, *, budget: int, approved: list[int], pending: tuple[int, ...] | list[int] = ()
    ) -> Campaign:
        campaign = Campaign.objects.create(
            org=org,
            name=f"测试活动{Campaign.objects.count() + 1}",
            kind="winter_warmth",
            year=year,
            starts_on=dt.date(year, 1, 1),
            ends_on=dt.date(year, 12, 31),
            budget=budget,
        )
        for amount, status in [(a, PayoutStatus.APPROVED) for a in approved] + [
            (a, PayoutStatus.PENDING) for a in pending
        ]:
            self.seq += 1
            person = make_member(org, 2000 + self.seq).person
            Payout.objects.create(
                org=org, person=person, campaign=campaign, kind="condolence", amount=Decimal(amount),
                fund="union_funds", paid_on=dt.date(year, 6, 1), maker=self.cadre, status=status,
                checker=self.checker if status == PayoutStatus.APPROVED else None,
            )  # fmt: skip
        return campaign

    def warning(self, org: OrgNode, level: str, *, open_: bool) -> None:
        now = timezone.now()
        EarlyWarning.objects.create(
            enterprise=EnterpriseFactory(union=org), org=org, level=level, score=Decimal(70), opened_at=now,
            status="open" if open_ else "closed", closed_at=None if open_ else now,
        )  # fmt: skip

    def contract(self, org: OrgNode, ends_on: dt.date, *, stage: str = "published", renews: Any = None) -> Contract:
        signed = stage != "negotiating"
        start = dt.date(2024, 1, 10)
        return Contract.objects.create(
            org=org, level="enterprise", kind="wage", title="测试集体合同", enterprise=EnterpriseFactory(union=org),
            stage=stage, offered_on=start, signed_on=start if signed else None,
            filed_on=start if signed else None, published_on=start if signed else None,
            starts_on=start, ends_on=ends_on, renews=renews, created_by=self.cadre,
        )  # fmt: skip


@pytest.fixture
def sn(db: None) -> Alerting:
    return Alerting()


def counts(user: Any, org: OrgNode | None) -> dict[str, int]:
    return {alert.key: alert.count for alert in alerts_at(user, org)}


def test_the_alerts_count_the_union_s_subtree(sn: Alerting, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(6):  # one count each, and the user's roles
        county = counts(sn.cadre, sn.county)
    assert county == {"overdue_joins": 3, "overspent_campaigns": 1, "red_warnings": 1, "expiring_contracts": 2}
    assert counts(sn.cadre, sn.u2) == {
        "overdue_joins": 1,
        "overspent_campaigns": 0,
        "red_warnings": 0,
        "expiring_contracts": 1,
    }
    assert counts(sn.stranger, sn.elsewhere) == {
        "overdue_joins": 1,
        "overspent_campaigns": 1,
        "red_warnings": 1,
        "expiring_contracts": 0,
    }


def test_the_whole_scope_is_the_user_s_unions_only(sn: Alerting) -> None:
    assert counts(sn.u1_cadre, None)["overdue_joins"] == 2
    admin = UserFactory(username="platform-admin", is_superuser=True)
    assert counts(admin, None) == {
        "overdue_joins": 4,
        "overspent_campaigns": 2,
        "red_warnings": 2,
        "expiring_contracts": 2,
    }


def test_a_union_outside_the_scope_is_not_found(sn: Alerting) -> None:
    from django.http import Http404

    with pytest.raises(Http404):
        alerts_at(sn.u1_cadre, sn.u2)


def test_each_alert_links_to_its_list_narrowed_to_the_union(sn: Alerting) -> None:
    links = {alert.key: alert.url for alert in alerts_at(sn.cadre, sn.u1)}
    assert links["overdue_joins"] == f"{reverse('members:pending')}?under=sn-u1&overdue=1"
    assert links["overspent_campaigns"] == f"{reverse('campaigns:list')}?under=sn-u1&year={today().year}&over_budget=1"
    assert links["red_warnings"] == f"{reverse('earlywarning:warnings')}?under=sn-u1&status=open&level=red"
    assert links["expiring_contracts"] == f"{reverse('contracts:expiring')}?under=sn-u1&days=60"
    everywhere = {alert.key: alert.url for alert in alerts_at(sn.cadre, None)}
    assert everywhere["expiring_contracts"] == f"{reverse('contracts:expiring')}?days=60"


def test_the_dashboard_shows_the_alerts_with_their_definitions(sn: Alerting) -> None:
    client = Client()
    client.force_login(sn.cadre)
    page = client.get(reverse("reports:dashboard"), {"under": sn.county.code}).content.decode()
    box = page[page.index('id="alerts"') : page.index("</section>", page.index('id="alerts"'))]
    assert "待审核入会申请 · 3 份超期" in box and "红色劳动关系预警 · 1 件" in box
    assert "即将到期的集体合同 · 2 份" in box and "超出预算的四季送活动 · 1 个" in box
    assert 'title="已签订、未续签、60天内（含今天）到期的集体合同份数。"' in box
    assert f'href="{reverse("members:pending")}?under=sn-county&amp;overdue=1"' in box
