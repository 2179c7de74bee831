"""Issue 4: bulk approval of a campaign's 100,000 payouts, and the campaign coverage page (PostgreSQL).

Data: the 1,000,000 members of the member-list bench; a city-wide 冬送温暖 campaign with the first
100,000 of them as beneficiaries and one pending 慰问金 payout each, entered by a maker.

- bulk_approve: the real job (`assistance.bulk_approve` through `job_execute`), guard on: the partial
  unique index stands and every batch checks for twins. Target ≥ 5,000 payouts/s. Peer: approving
  one by one through `aid_payout_approve` (lock, check, save), what a list page's "approve" button does.
- coverage page: `/campaigns/<pk>/` through Django's test client as a city-level admin (scope, the
  tallies, the template, the chart data). Target p95 ≤ 200 ms. Measured twice: as viewed (figures
  cached under the campaign's ledger version) and right after a real approval (before each sample,
  untimed, one more payout is approved through the service; the page then reads the tallies afresh).
  Peer: the same figures computed the way a page is usually first written: one aggregate query per
  child union, per kind and per fund.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from typing import Any

from bench.harness import Result, measure, report, result, staff_client, throughput
from bench.members_list import build as build_members

PAYOUTS = 100_000
PEER_ROWS = 2_000
NAME = "bench 2026 冬送温暖"
SCALE = "100,000 beneficiaries and payouts in one campaign; 1,000,000 members; 20,000-node tree"


def _users() -> tuple[Any, Any, Any]:
    from django.contrib.auth import get_user_model

    from gonghui.orgs.models import OrgNode, StaffRole

    city = OrgNode.objects.get(code="b-1")
    made = []
    for username, role in (("bench-maker", "assistance"), ("bench-checker", "finance"), ("bench-city", "admin")):
        user, _ = get_user_model().objects.get_or_create(username=username)
        StaffRole.objects.get_or_create(user=user, org=city, role=role)
        made.append(user)
    return made[0], made[1], made[2]


def build(rebuild: bool) -> Any:
    from django.db import connection

    from gonghui.campaigns.models import Beneficiary, Campaign
    from gonghui.ledger.tallies import tallies_rebuild
    from gonghui.orgs.models import OrgNode

    build_members(rebuild)
    maker, _checker, _city = _users()
    campaign, _ = Campaign.objects.get_or_create(
        name=NAME,
        defaults={
            "org": OrgNode.objects.get(code="b-1"),
            "kind": "winter_warmth",
            "year": 2026,
            "starts_on": dt.date(2026, 1, 1),
            "ends_on": dt.date(2026, 2, 28),
            "budget": Decimal("60000000"),
        },
    )
    if Beneficiary.objects.filter(campaign=campaign).count() == PAYOUTS:
        print("reusing the campaign's 100,000 beneficiaries and payouts")
        return campaign
    print("building 100,000 beneficiaries and payouts ...")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM ledger_payout WHERE campaign_id = %s", [campaign.pk])
        cursor.execute("DELETE FROM campaigns_beneficiary WHERE campaign_id = %s", [campaign.pk])
        cursor.execute(
            "INSERT INTO campaigns_beneficiary (campaign_id, person_id, org_id, source, note, created_at) "
            "SELECT %s, person_id, org_id, 'rule', '', now() FROM members_membership ORDER BY id LIMIT %s",
            [campaign.pk, PAYOUTS],
        )
        cursor.execute(
            "INSERT INTO ledger_payout (org_id, person_id, campaign_id, kind, amount, goods, goods_value, fund, "
            "paid_on, reference, status, maker_id, override_reason, reject_reason, created_at) "
            "SELECT org_id, person_id, campaign_id, 'condolence', 500, '', 0, 'union_funds', '2026-01-20', '', "
            "'pending', %s, '', '', now() FROM campaigns_beneficiary WHERE campaign_id = %s",
            [maker.pk, campaign.pk],
        )
        cursor.execute("ANALYZE campaigns_beneficiary")
        cursor.execute("ANALYZE ledger_payout")
    tallies_rebuild(campaign.pk)  # the rows above were written by SQL, past the services that keep them
    return campaign


def _reset(campaign: Any) -> None:
    from django.db import connection

    from gonghui.ledger.tallies import tallies_rebuild

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM ledger_payout WHERE campaign_id = %s AND kind <> 'condolence'", [campaign.pk])
        cursor.execute(
            "UPDATE ledger_payout SET status = 'pending', checker_id = NULL, checked_at = NULL WHERE campaign_id = %s",
            [campaign.pk],
        )
    tallies_rebuild(campaign.pk)
    with connection.cursor() as cursor:
        for table in ("ledger_payout", "ledger_tally", "ledger_reach"):
            cursor.execute(f"VACUUM ANALYZE {table}")


def _bulk(campaign: Any, checker: Any) -> tuple[int, float]:
    from gonghui.common.jobs import job_execute
    from gonghui.common.models import Job
    from gonghui.ledger.bulk import BULK_APPROVE_KIND

    job = Job.objects.create(
        kind=BULK_APPROVE_KIND, created_by=checker, org=campaign.org, params={"campaign": campaign.pk}
    )
    start = time.perf_counter()
    job_execute(job_id=str(job.pk))
    seconds = time.perf_counter() - start
    job.refresh_from_db()
    assert job.status == "succeeded", job.error
    return job.result["approved"], seconds


def _peer_one_by_one(campaign: Any, checker: Any) -> float:
    from gonghui.ledger.models import Payout
    from gonghui.ledger.payouts import aid_payout_approve

    rows = list(Payout.objects.filter(campaign=campaign, status="pending").order_by("pk")[:PEER_ROWS])
    start = time.perf_counter()
    for payout in rows:
        aid_payout_approve(actor=checker, payout=payout)
    return time.perf_counter() - start


def _peer_coverage(campaign: Any) -> None:
    """The first-draft coverage: a query per child union, per kind and per fund."""
    from django.db.models import Count, Sum

    from gonghui.assistance.choices import FundSource, PayoutKind
    from gonghui.campaigns.models import Beneficiary
    from gonghui.ledger.models import Payout
    from gonghui.orgs.models import OrgNode

    paid = Payout.objects.filter(campaign=campaign, status="approved")
    paid.aggregate(Count("person", distinct=True), Sum("amount"), Sum("goods_value"))
    root = campaign.org
    for child in OrgNode.objects.filter(path__startswith=root.path, depth=root.depth + 1):
        paid.filter(org__path__startswith=child.path).aggregate(Count("person", distinct=True), Sum("amount"))
        Beneficiary.objects.filter(campaign=campaign, org__path__startswith=child.path).count()
    for kind in PayoutKind.values:
        paid.filter(kind=kind).aggregate(Sum("amount"))
    for fund in FundSource.values:
        paid.filter(fund=fund).aggregate(Sum("amount"))


def _gifts(campaign: Any, maker: Any, count: int) -> list[Any]:
    """Pending 送温暖 goods for people the campaign has paid: what a checker approves after the bulk run."""
    from gonghui.ledger.models import Payout
    from gonghui.ledger.payouts import aid_payout_create

    paid = Payout.objects.filter(campaign=campaign, kind="condolence").select_related("org", "person")[:count]
    return [
        aid_payout_create(
            actor=maker,
            org=p.org,
            kind="goods",
            fund="union_funds",
            paid_on=p.paid_on,
            goods="米面油",
            goods_value=Decimal("200"),
            person=p.person,
            campaign=campaign,
        )
        for p in paid
    ]


def run(rebuild: bool = False) -> list[Result]:

    from gonghui.ledger.payouts import aid_payout_approve

    campaign = build(rebuild)
    maker, checker, city = _users()
    _reset(campaign)
    peer_seconds = _peer_one_by_one(campaign, checker)
    _reset(campaign)
    approved, seconds = _bulk(campaign, checker)
    assert approved == PAYOUTS, approved
    client = staff_client(city)
    url = f"/campaigns/{campaign.pk}/"

    def page() -> None:
        response = client.get(url, secure=True)
        assert response.status_code == 200, response.status_code
        assert b"100,000" in response.content  # the 100,000 people reached are on the page

    gifts = iter(_gifts(campaign, maker, 25))

    def approve_one() -> None:  # a real approval, untimed: the next view computes the figures afresh
        aid_payout_approve(actor=checker, payout=next(gifts))

    peer = measure(lambda: _peer_coverage(campaign), runs=3, warmup=0)  # about a minute each

    return [
        throughput(
            "bulk_approve_100k_payouts",
            approved,
            seconds,
            target="≥ 5000",
            scale=SCALE,
            peer="aid_payout_approve one by one (2,000 rows)",
            peer_rows=PEER_ROWS,
            peer_seconds=peer_seconds,
        ),
        result(
            "campaign_coverage_page",
            measure(page, runs=30, warmup=2),
            target="≤ 200",
            scale=SCALE,
            peer="one aggregate per child union, kind and fund",
            peer_timing=peer,
        ),
        result(
            "campaign_coverage_page_after_approval",
            measure(page, runs=20, warmup=2, before=approve_one),
            target="≤ 200",
            scale=SCALE,
            peer="one aggregate per child union, kind and fund",
            peer_timing=peer,
        ),
    ]


def main(rebuild: bool = False) -> None:
    report("assistance", run(rebuild))
