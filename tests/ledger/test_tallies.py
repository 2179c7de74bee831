"""The coverage tallies follow the ledger exactly: kept sums equal sums rebuilt from the payouts."""

import threading
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.campaigns.choices import TargetGroup
from gonghui.campaigns.models import Campaign
from gonghui.campaigns.rules import beneficiaries_by_rule
from gonghui.ledger import bulk
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.coverage import campaign_coverage
from gonghui.ledger.models import Payout, Reach, Tally
from gonghui.ledger.payouts import aid_payout_approve
from gonghui.ledger.tallies import tallies_rebuild
from tests.assistance.conftest import member_in
from tests.factories import UserFactory, grant, make_org
from tests.ledger.conftest import pay, winter
from tests.world import World


def _rows(campaign: Campaign) -> list[tuple[object, ...]]:
    return list(
        Payout.objects.filter(campaign=campaign, status=PayoutStatus.PENDING)
        .order_by("pk")
        .values_list("pk", "person_id", "enterprise_id", "kind", "override_reason", "maker_id")
    )


def test_kept_tallies_equal_a_rebuild_after_every_kind_of_change(world: World) -> None:
    campaign = winter(world.town_a)
    checker = world.users["same"]
    zhao, qian = member_in(world.union_a, "赵一", 1), member_in(world.joint_a, "钱二", 2)
    aid_payout_approve(actor=checker, payout=pay(world, person=zhao, campaign=campaign))
    again = pay(world, person=zhao, campaign=campaign, amount=Decimal("500.50"), override_reason="住院二次慰问")
    aid_payout_approve(actor=checker, payout=again)
    goods = {"kind": PayoutKind.GOODS, "amount": Decimal(0), "goods": "米面油", "goods_value": Decimal("300")}
    aid_payout_approve(actor=checker, payout=pay(world, person=zhao, org=world.joint_a, campaign=campaign, **goods))
    company = pay(world, enterprise=world.enterprise, campaign=campaign, kind=PayoutKind.OTHER, amount=Decimal(53000))
    aid_payout_approve(actor=checker, payout=company)
    pay(world, person=qian, org=world.joint_a, campaign=campaign, fund=FundSource.HIGHER_UNION)
    bulk.approve_batch(checker, campaign, _rows(campaign))  # type: ignore[arg-type]
    beneficiaries_by_rule(actor=world.users["owner"], campaign=campaign, group=TargetGroup.ALL_MEMBERS)

    cov = campaign_coverage(world.users["owner"], Campaign.objects.get(pk=campaign.pk))
    assert (cov.total.payouts, cov.total.money, cov.total.goods) == (5, Decimal("59500.50"), Decimal("300"))
    # 赵一 paid three times by two unions is one person, counted where first reached; the company is one.
    assert (cov.total.people, cov.total.enterprises) == (2, 1)
    children = {child.code: (listed, t.people, t.payouts) for child, listed, t in cov.by_child}
    assert children["w-union-a"][1:] == (1, 3) and children["w-joint-a"][1:] == (1, 2)
    assert sum(listed for listed, _p, _n in children.values()) == cov.beneficiaries > 0
    assert Reach.objects.get(campaign=campaign, person=zhao).org == world.union_a
    assert not tallies_rebuild(campaign.pk)  # nothing to repair: the kept sums are the ledger's


def test_a_row_approved_elsewhere_during_a_batch_is_counted_once(world: World) -> None:
    campaign = winter(world.town_a)
    payouts = [
        pay(world, maker="helper", person=member_in(world.union_a, f"受助{i}", 10 + i), campaign=campaign)
        for i in range(3)
    ]
    rows = _rows(campaign)
    real = bulk._already_paid

    def meanwhile(*args: object) -> object:  # another checker approves one of the batch's rows first
        aid_payout_approve(actor=world.users["owner"], payout=payouts[1])
        return real(*args)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(bulk, "_already_paid", meanwhile)
        result = bulk.approve_batch(world.users["same"], campaign, rows)  # type: ignore[arg-type]
    assert result.approved == 2
    tallied = Tally.objects.filter(campaign=campaign).values_list("payouts", "people")
    assert (sum(p for p, _ in tallied), sum(n for _, n in tallied)) == (3, 3)
    assert not tallies_rebuild(campaign.pk)


def test_the_command_finds_and_repairs_tallies_that_drifted(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    campaign = winter(world.town_a)
    aid_payout_approve(
        actor=world.users["same"], payout=pay(world, person=member_in(world.union_a, "赵一", 1), campaign=campaign)
    )
    call_command("campaign_tallies", "--check")
    assert '"drifted": []' in capsys.readouterr().out
    Tally.objects.filter(campaign=campaign).exclude(kind="").update(money=1)  # e.g. a hand edit in the database
    with pytest.raises(SystemExit):
        call_command("campaign_tallies", "--check")
    assert Tally.objects.filter(campaign=campaign, money=1).exists()  # --check repairs nothing
    call_command("campaign_tallies")
    assert f'"drifted": [{campaign.pk}]' in capsys.readouterr().out
    assert campaign_coverage(world.users["owner"], Campaign.objects.get(pk=campaign.pk)).total.money == Decimal("3000")


@pytest.mark.postgres
@pytest.mark.usefixtures("regions")
def test_concurrent_approvals_add_up_exactly() -> None:
    county = make_org("并发区总工会", code="tally-county")
    unions = [make_org(f"并发基层工会{i}", parent=county, code=f"tally-union-{i}") for i in range(2)]
    maker = UserFactory(username="tally-maker")
    checkers = [UserFactory(username=f"tally-checker-{i}") for i in range(4)]
    for user in (maker, *checkers):
        grant(user, county)
    campaign = winter(county)
    people = [member_in(unions[i % 2], f"并发{i}", 40 + i) for i in range(12)]
    kinds = (PayoutKind.CONDOLENCE, PayoutKind.GOODS)
    payouts = [  # each person twice (two kinds), from a different union each time
        pay_as(maker, unions[(i + k) % 2], person, campaign, kind)
        for k, kind in enumerate(kinds)
        for i, person in enumerate(people)
    ]
    barrier = threading.Barrier(len(checkers))
    errors: list[str] = []

    def approve(checker: object, share: list[Payout]) -> None:
        try:
            barrier.wait()
            for payout in share:
                aid_payout_approve(actor=checker, payout=payout)
        except BaseException as exc:
            errors.append(repr(exc))
        finally:
            connection.close()

    shares = [payouts[i :: len(checkers)] for i in range(len(checkers))]
    threads = [threading.Thread(target=approve, args=pair) for pair in zip(checkers, shares, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    admin = UserFactory(username="tally-admin")
    grant(admin, county)
    cov = campaign_coverage(admin, Campaign.objects.get(pk=campaign.pk))
    assert (cov.total.payouts, cov.total.people, cov.total.money) == (24, 12, Decimal("72000"))
    assert sum(t.people for _c, _n, t in cov.by_child) == 12
    assert not tallies_rebuild(campaign.pk)


def pay_as(maker: object, org: object, person: object, campaign: Campaign, kind: str) -> Payout:
    from gonghui.ledger.payouts import aid_payout_create
    from tests.ledger.conftest import TODAY

    return aid_payout_create(
        actor=maker,
        org=org,  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        fund=FundSource.UNION_FUNDS,
        paid_on=TODAY,
        amount=Decimal("3000"),
        person=person,  # type: ignore[arg-type]
        campaign=campaign,
    )
