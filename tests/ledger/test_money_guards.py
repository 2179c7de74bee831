"""Money guards: a campaign's per-kind standard, its list and its budget hold unless a reason is written,
and such an override is approved only by finance of the union that runs the campaign."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from gonghui.campaigns.services import beneficiaries_add
from gonghui.ledger.choices import PayoutStatus
from tests.assistance.conftest import member_in
from tests.ledger.conftest import pay, winter
from tests.world import World


def test_above_the_kinds_standard_needs_a_reason_and_the_hosts_finance(world: World) -> None:
    campaign = winter(world.county_a)
    campaign.standards = {"condolence": "500.00"}
    campaign.save()
    person = member_in(world.union_a, "吴标准", 11)
    with pytest.raises(ValidationError, match=r"超过本活动“慰问金”标准 500\.00 元/人次") as refused:
        pay(world, "helper", person=person, campaign=campaign, amount=Decimal("800"))
    assert refused.value.code == "over_standard"
    within = pay(world, "helper", person=person, campaign=campaign, amount=Decimal("500"))
    assert within.status == PayoutStatus.PENDING and within.warnings == []
    other = member_in(world.union_a, "郑超标", 12)
    above = pay(world, "helper", person=other, campaign=campaign, amount=Decimal("800"), override_reason="重病住院")
    with pytest.raises(ValidationError, match="须由主办工会（大丰区总工会）的财务审核"):
        from gonghui.ledger.payouts import aid_payout_approve

        aid_payout_approve(actor=world.users["same"], payout=above)
    assert aid_payout_approve(actor=world.users["owner"], payout=above).status == PayoutStatus.APPROVED


def test_someone_off_the_campaigns_list_needs_a_reason(world: World) -> None:
    campaign = winter(world.county_a)
    listed, unlisted = member_in(world.union_a, "王名单", 13), member_in(world.union_a, "冯名单外", 14)
    beneficiaries_add(actor=world.users["owner"], campaign=campaign, people=[listed])
    assert pay(world, "helper", person=listed, campaign=campaign).status == PayoutStatus.PENDING
    with pytest.raises(ValidationError, match="不在本活动的慰问名单中") as refused:
        pay(world, "helper", person=unlisted, campaign=campaign)
    assert refused.value.code == "off_list"
    assert pay(world, "helper", person=unlisted, campaign=campaign, override_reason="临时困难，村委会证明").pk


def test_a_payout_past_the_budget_is_entered_with_a_warning_and_refused_at_approval(world: World) -> None:
    from gonghui.ledger.payouts import aid_payout_approve

    campaign = winter(world.county_a)
    campaign.budget = Decimal("30000")
    campaign.save()
    first = pay(world, "helper", person=member_in(world.union_a, "陈预算", 15), campaign=campaign)
    assert first.warnings == []
    aid_payout_approve(actor=world.users["owner"], payout=first)
    huge = pay(
        world, "helper", person=member_in(world.union_a, "褚超支", 16), campaign=campaign, amount=Decimal("999999")
    )
    assert huge.warnings and "超过预算 30,000.00 元" in huge.warnings[0]
    with pytest.raises(ValidationError, match=r"审核后将超出活动预算 30,000\.00 元（已审核 3,000\.00 元）") as refused:
        aid_payout_approve(actor=world.users["owner"], payout=huge)
    assert refused.value.code == "over_budget"
    page = Client()
    page.force_login(world.users["owner"])
    assert 'data-over-budget="0"' in page.get(f"/campaigns/{campaign.pk}/").content.decode()
    overspend = pay(
        world, "helper", person=member_in(world.union_a, "卫特批", 17), campaign=campaign,
        amount=Decimal("40000"), override_reason="特大灾害，主席办公会决定",
    )  # fmt: skip
    aid_payout_approve(actor=world.users["owner"], payout=overspend)
    html = page.get(f"/campaigns/{campaign.pk}/").content.decode()
    assert 'data-over-budget="1"' in html and "已超支" in html
