import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.http import Http404

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.ledger.payouts import aid_payout_approve, aid_payout_create, aid_payout_reject
from gonghui.ledger.selectors import payouts_for
from gonghui.orgs.roles import Role
from tests.assistance.conftest import member_in, open_file
from tests.factories import UserFactory, grant, make_org
from tests.ledger.conftest import TODAY, pay, winter
from tests.world import World


def test_maker_and_checker_must_be_two_people(world: World) -> None:
    person = member_in(world.union_a, "赵慰问", 1)
    payout = pay(world, person=person, campaign=winter(world.county_a))
    with pytest.raises(ValidationError, match="另一位"):
        aid_payout_approve(actor=world.users["owner"], payout=payout)
    approved = aid_payout_approve(actor=world.users["same"], payout=payout)
    assert (approved.status, approved.checker, approved.maker) == (
        "approved",
        world.users["same"],
        world.users["owner"],
    )
    with pytest.raises(IntegrityError), transaction.atomic():  # the database says so too
        Payout.objects.filter(pk=payout.pk).update(checker=world.users["owner"])


def test_no_second_payout_of_a_kind_in_a_campaign_without_a_reason(world: World) -> None:
    person, campaign = member_in(world.union_a, "钱重复", 2), winter(world.county_a)
    first, twin = pay(world, person=person, campaign=campaign), pay(world, person=person, campaign=campaign)
    aid_payout_approve(actor=world.users["same"], payout=first)
    with pytest.raises(ValidationError, match="不能重复发放"):
        aid_payout_approve(actor=world.users["same"], payout=twin)
    with pytest.raises(ValidationError, match="不能重复发放"):
        pay(world, person=person, campaign=campaign)
    # Another kind, another campaign, or a written override are all fine.
    aid_payout_approve(
        actor=world.users["same"],
        payout=pay(
            world,
            person=person,
            campaign=campaign,
            kind=PayoutKind.GOODS,
            amount=Decimal(0),
            goods="棉被",
            goods_value=Decimal(200),
        ),
    )
    aid_payout_approve(actor=world.users["same"], payout=pay(world, person=person, campaign=winter(world.county_a)))
    override = pay(world, "helper", person=person, campaign=campaign, override_reason="住院二次手术，经主席办公会研究")
    with pytest.raises(ValidationError, match="须由主办工会（大丰区总工会）的财务审核"):  # the town is below the host
        aid_payout_approve(actor=world.users["same"], payout=override)
    assert aid_payout_approve(actor=world.users["owner"], payout=override).status == PayoutStatus.APPROVED
    assert Payout.objects.filter(person=person, status="approved").count() == 4


def test_bad_amounts_and_recipients_are_refused_and_nothing_is_written(world: World) -> None:
    person = member_in(world.union_a, "孙金额", 3)
    before = Payout.objects.count()
    for kwargs, message in [
        ({"person": person, "amount": Decimal(0)}, "大于 0"),
        ({"person": person, "amount": Decimal(-5)}, "大于 0"),
        ({}, "受助职工或受助企业"),
        ({"person": person, "amount": Decimal(0), "goods_value": Decimal(50)}, "物资名称"),
    ]:
        with pytest.raises(ValidationError, match=message):
            pay(world, **kwargs)
    assert Payout.objects.count() == before


@pytest.mark.usefixtures("standard")
def test_file_payouts_go_to_open_files_and_enterprises_can_be_paid(world: World) -> None:
    file = open_file(world, member_in(world.union_a, "李档案", 4))
    payout = pay(world, file=file, kind=PayoutKind.LIVING)
    assert payout.person_id == file.person_id
    company = pay(world, enterprise=world.enterprise, amount=Decimal("53000"), kind=PayoutKind.OTHER)
    assert company.person_id is None and company.enterprise == world.enterprise


@pytest.mark.usefixtures("standard")
def test_who_may_make_check_and_see_payouts(world: World) -> None:
    person = member_in(world.union_a, "周权限", 5)
    reader, finance = UserFactory(username="reader"), UserFactory(username="finance")
    grant(reader, world.union_a, Role.READONLY)
    grant(finance, world.town_a, Role.FINANCE)
    with pytest.raises(PermissionDenied):
        aid_payout_create(
            actor=reader,
            org=world.union_a,
            kind=PayoutKind.LIVING,
            fund=FundSource.UNION_FUNDS,
            paid_on=TODAY,
            amount=Decimal(100),
            person=person,
        )
    payout = pay(world, person=person)
    with pytest.raises(PermissionDenied):
        aid_payout_approve(actor=reader, payout=payout)
    with pytest.raises(Http404):
        aid_payout_approve(actor=world.users["sibling"], payout=payout)
    seen = set(payouts_for(finance))  # with the World's other payouts under town_a (a 求学圆梦 subsidy)
    assert {payout, world.payout} <= seen and all(p.org.path.startswith(world.town_a.path) for p in seen)
    assert not payouts_for(reader).exists()
    assert aid_payout_reject(actor=finance, payout=payout, reason="凭证不全").status == PayoutStatus.REJECTED


@pytest.mark.postgres
@pytest.mark.usefixtures("regions")
def test_two_approvals_racing_pay_once() -> None:
    county = make_org("并发区总工会", code="race-county")
    union = make_org("并发基层工会", parent=county, code="race-union")
    maker, checker_a, checker_b = (UserFactory(username=n) for n in ("maker", "checker-a", "checker-b"))
    for user in (maker, checker_a, checker_b):
        grant(user, county)
    person = member_in(union, "吴并发", 6)
    campaign = winter(county)
    twins = [
        aid_payout_create(
            actor=maker,
            org=union,
            kind=PayoutKind.CONDOLENCE,
            fund=FundSource.UNION_FUNDS,
            paid_on=TODAY,
            amount=Decimal("3000"),
            person=person,
            campaign=campaign,
        )
        for _ in range(2)
    ]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def approve(checker: object, payout: Payout) -> None:
        try:
            barrier.wait()
            aid_payout_approve(actor=checker, payout=payout)
            outcomes.append("paid")
        except ValidationError as exc:
            outcomes.append(exc.messages[0])
        except BaseException as exc:
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=pair) for pair in zip((checker_a, checker_b), twins, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    refused = [o for o in outcomes if o != "paid"]
    assert outcomes.count("paid") == 1 and len(refused) == 1 and "不能重复发放" in refused[0]
    assert Payout.objects.filter(status="approved").count() == 1
