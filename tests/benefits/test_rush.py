"""The rush on PostgreSQL: one voucher at 50 tills at once is spent once; one till retrying one sale 20 times
at once records it once; 100 members tapping 领取 at once against a budget of 30 get 30 vouchers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.benefits import merchant_staff, redemptions, vouchers
from gonghui.benefits.choices import VoucherStatus
from gonghui.benefits.models import Redemption, Voucher, VoucherCampaign
from gonghui.members.card import card_token
from tests.benefits.conftest import Shop, cool_vouchers
from tests.factories import Tree, make_member

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("regions")]


THREADS = 60  # CI's PostgreSQL allows 100 connections: each thread holds one


def _together(calls: list[Callable[[], object]]) -> list[BaseException]:
    """Run the calls on THREADS threads, the first THREADS released together by a barrier."""
    errors: list[BaseException] = []
    parties = min(THREADS, len(calls))
    barrier = threading.Barrier(parties)

    def run(call: Callable[[], object], wait: bool) -> None:
        try:
            if wait:
                barrier.wait(timeout=30)
            call()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    with ThreadPoolExecutor(parties) as pool:
        for i, call in enumerate(calls):
            pool.submit(run, call, i < parties)
    return errors


def test_fifty_tills_one_voucher(transactional_db: None) -> None:
    shop = Shop(Tree())
    campaign = cool_vouchers(shop.tree, [shop.merchant])
    voucher = vouchers.voucher_take(campaign=campaign, membership=shop.member)
    token = shop.token()
    tills = [
        merchant_staff.merchant_staff_add(
            actor=shop.tree.cadre, merchant=shop.merchant, name=f"收银{i}", mobile=f"1370000{i:04d}"
        )
        for i in range(50)
    ]

    def spend(i: int) -> Callable[[], object]:
        return lambda: redemptions.redemption_record(
            staff=tills[i], token=token, amount="60", key=f"till-{i:04d}-key", voucher_id=voucher.pk
        )

    errors = _together([spend(i) for i in range(50)])
    assert Redemption.objects.filter(voucher=voucher).count() == 1
    assert Voucher.objects.get(pk=voucher.pk).status == VoucherStatus.REDEEMED
    assert len(errors) == 49 and all("已使用" in str(e) for e in errors)


def test_one_sale_retried_twenty_times_at_once(transactional_db: None) -> None:
    shop = Shop(Tree())
    token = shop.token()
    calls = [
        lambda: redemptions.redemption_record(staff=shop.cashier, token=token, amount="80", key="lost-answer-01")
        for _ in range(20)
    ]
    assert _together(calls) == []
    assert Redemption.objects.count() == 1


def test_a_hundred_taps_for_thirty_vouchers(transactional_db: None) -> None:
    shop = Shop(Tree())
    campaign = cool_vouchers(shop.tree, [shop.merchant], budget=30)
    members = [make_member(shop.tree.union, i) for i in range(10, 110)]

    def take(i: int) -> Callable[[], object]:
        return lambda: vouchers.voucher_take(campaign=campaign, membership=members[i])

    errors = _together([take(i) for i in range(100)])
    assert Voucher.objects.filter(campaign=campaign).count() == 30
    assert VoucherCampaign.objects.get(pk=campaign.pk).issued == 30
    assert len(errors) == 70 and all("已发完" in str(e) for e in errors)


@pytest.mark.parametrize(("amount", "discount"), [("88.50", "8.85"), ("0.05", "0.01"), ("1234.56", "123.46")])
def test_the_one_statement_sale_records_what_the_general_path_would(
    transactional_db: None, amount: str, discount: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a transaction on PostgreSQL a card sale is one prepared statement (redeem_fastpath)."""
    shop = Shop(Tree())
    with monkeypatch.context() as patched:
        patched.setattr(redemptions, "_holder", lambda token: pytest.fail("the general path ran"))
        done = redemptions.redemption_record(staff=shop.cashier, token=shop.token(), amount=amount, key="fast-path-01")
    stored = Redemption.objects.get()
    assert (stored.pk, stored.card_id, stored.org_id) == (done.pk, shop.card.pk, shop.member.org_id)
    assert stored.discount == done.discount == Decimal(discount)
    assert stored.amount_after == done.amount_after == Decimal(amount) - Decimal(discount)
    again = redemptions.redemption_record(staff=shop.cashier, token=shop.token(), amount="1", key="fast-path-01")
    assert again.pk == done.pk and Redemption.objects.count() == 1
    stranger = make_member(shop.tree.union, 7)
    with pytest.raises(ValidationError, match="没有可在本店使用"):
        redemptions.redemption_record(staff=shop.cashier, token=card_token(stranger), amount="10", key="fast-path-02")
