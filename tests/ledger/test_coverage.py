import datetime as dt
from decimal import Decimal

import pytest
from django.http import Http404
from django.test import Client

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.campaigns.models import Beneficiary, Campaign
from gonghui.campaigns.selectors import campaigns_for
from gonghui.campaigns.services import beneficiaries_add
from gonghui.ledger.coverage import campaign_coverage
from gonghui.ledger.payouts import aid_payout_approve, aid_payout_create
from tests.assistance.conftest import member_in
from tests.ledger.conftest import winter
from tests.world import World


def _paid(world: World, campaign: Campaign, org: object, name: str, seq: int, **kwargs: object) -> None:
    person = member_in(org, name, seq)  # type: ignore[arg-type]
    beneficiaries_add(actor=world.users["owner"], campaign=campaign, people=[person])
    values: dict[str, object] = {
        "actor": world.users["owner"],
        "org": org,
        "kind": PayoutKind.CONDOLENCE,
        "fund": FundSource.UNION_FUNDS,
        "paid_on": dt.date(2026, 1, 20),
        "amount": Decimal("3000"),
        "person": person,
        "campaign": campaign,
    }
    values.update(kwargs)
    aid_payout_approve(actor=world.users["same"], payout=aid_payout_create(**values))  # type: ignore[arg-type]


def test_coverage_counts_approved_payouts_by_kind_fund_and_child_and_reconciles(world: World) -> None:
    campaign = winter(world.town_a)
    _paid(world, campaign, world.union_a, "赵一", 1)
    _paid(world, campaign, world.union_a, "钱二", 2, fund=FundSource.HIGHER_UNION)
    _paid(
        world,
        campaign,
        world.joint_a,
        "孙三",
        3,
        kind=PayoutKind.GOODS,
        amount=Decimal(0),
        goods="米面油",
        goods_value=Decimal("300"),
    )
    pending_person = member_in(world.joint_a, "李四", 4)
    beneficiaries_add(actor=world.users["owner"], campaign=campaign, people=[pending_person])
    aid_payout_create(
        actor=world.users["owner"],
        org=world.joint_a,
        kind=PayoutKind.CONDOLENCE,
        fund=FundSource.UNION_FUNDS,
        paid_on=dt.date(2026, 1, 21),
        amount=Decimal("999"),
        person=pending_person,
        campaign=campaign,
    )  # not approved: counts nowhere
    coverage = campaign_coverage(world.users["owner"], campaign)
    assert (coverage.total.people, coverage.total.money, coverage.total.goods) == (3, Decimal("6000"), Decimal("300"))
    assert coverage.by_kind["condolence"].money == Decimal("6000") and coverage.by_kind["goods"].goods == Decimal("300")
    assert coverage.by_fund["higher_union"].money == Decimal("3000")
    children = {child.code: (n, totals.value) for child, n, totals in coverage.by_child}
    assert children == {"w-union-a": (2, Decimal("6000")), "w-joint-a": (2, Decimal("300"))}  # 李四 listed, not paid
    assert coverage.budget_used == Decimal("6.3") and coverage.reconciles
    campaign.reported_total = Decimal("6300")
    assert coverage.reconciles
    campaign.reported_total = Decimal("8000")  # the press release says more than the ledger holds
    assert not coverage.reconciles


def test_campaigns_are_scoped(world: World) -> None:
    campaign = winter(world.town_a)
    assert set(campaigns_for(world.users["same"])) == {campaign, world.aid_campaign}
    assert not campaigns_for(world.users["sibling"]).exists()
    with pytest.raises(Http404):
        campaign_coverage(world.users["sibling"], campaign)


def test_beneficiaries_are_members_in_the_campaign_subtree_and_listed_once(world: World) -> None:
    from django.core.exceptions import ValidationError

    campaign = winter(world.town_a)
    people = [member_in(world.union_a, "周甲", 21), member_in(world.joint_a, "吴乙", 22)]
    assert beneficiaries_add(actor=world.users["owner"], campaign=campaign, people=people) == 2
    assert beneficiaries_add(actor=world.users["owner"], campaign=campaign, people=people[:1]) == 0
    stranger = member_in(world.union_b, "郑丙", 23)
    with pytest.raises(ValidationError, match="有 1 人不是本活动范围内的会员"):  # counted, never named
        beneficiaries_add(actor=world.users["owner"], campaign=campaign, people=[stranger])
    assert dict(Beneficiary.objects.filter(campaign=campaign).values_list("person__name", "org__code")) == {
        "周甲": "w-union-a",
        "吴乙": "w-joint-a",
    }


def test_cached_coverage_follows_every_approval_and_list_change_and_narrows_to_a_child(world: World) -> None:
    campaign = winter(world.town_a)
    _paid(world, campaign, world.union_a, "赵一", 1)
    owner = world.users["owner"]
    first = campaign_coverage(owner, Campaign.objects.get(pk=campaign.pk))
    assert (first.total.people, first.beneficiaries) == (1, 1)
    _paid(world, campaign, world.joint_a, "钱二", 2)  # approval bumps the ledger version
    fresh = Campaign.objects.get(pk=campaign.pk)
    assert fresh.ledger_version > campaign.ledger_version
    again = campaign_coverage(owner, fresh)
    assert (again.total.people, again.total.money, again.beneficiaries) == (2, Decimal("6000"), 2)
    only_union = campaign_coverage(owner, fresh, under=world.union_a)
    assert (only_union.total.people, only_union.total.money, only_union.beneficiaries) == (1, Decimal("3000"), 1)
    with pytest.raises(Http404):
        campaign_coverage(world.users["sibling"], fresh, under=world.union_a)


def test_the_host_unions_own_payouts_have_their_row_and_the_rows_add_up(world: World) -> None:
    campaign = winter(world.town_a)
    _paid(world, campaign, world.union_a, "周子", 31)
    _paid(world, campaign, world.town_a, "吴本级", 32)  # the town pays a worker itself
    coverage = campaign_coverage(world.users["owner"], campaign)
    first = coverage.by_child[0]
    assert first[0] == world.town_a and (first[1], first[2].people, first[2].money) == (1, 1, Decimal("3000"))
    assert sum(t.people for _c, _n, t in coverage.by_child) == coverage.total.people == 2
    client = Client()
    client.force_login(world.users["owner"])
    assert "大中街道总工会（本级）" in client.get(f"/campaigns/{campaign.pk}/").content.decode()
