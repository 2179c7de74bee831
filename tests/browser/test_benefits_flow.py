"""On a phone: a worker applies for the county's service card in 我的; the cadre issues it at the desk; a
特惠商户's cashier signs in with a phone code, scans the worker's e-card and records a discounted sale; the
worker sees the discount in 我的."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.benefits import merchant_staff, merchants, services
from gonghui.benefits.models import CardProduct, Redemption
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.demo import demo_uscc
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from tests.browser.phone import sign_in
from tests.factories import UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}


@pytest.fixture
def county(regions: None) -> dict[str, Any]:
    county = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    union = make_org("商南县城关基层工会", parent=county, code="sn-cg", region="611023")
    cadre = UserFactory(username="shangnan", display_name="商南县普惠干事")
    grant(cadre, county, Role.ADMIN)
    person = Person.objects.create(
        name="吴会员", id_number=make_id(61, birth="19880101"), mobile="13912340061", **person_keys("吴会员")
    )
    Membership.objects.create(
        person=person, org=union, status=MembershipStatus.ACTIVE, source="cadre", applied_at=timezone.now()
    )
    product = services.card_product_create(
        actor=cadre, org=county, data=services.ProductFields(name="商南县工会会员服务卡", kind="service")
    )
    today = timezone.localdate()
    shop = merchants.merchant_create(
        actor=cadre,
        org=county,
        data=merchants.MerchantFields(
            name="商南县茶乡人家餐厅",
            uscc=demo_uscc("92", "611023", "商南县茶乡人家餐厅"),
            category="food",
            address="商南县城关街道",
            agreement_from=today - dt.timedelta(days=10),
            agreement_until=today + dt.timedelta(days=300),
        ),
    )
    merchants.merchant_decide(actor=cadre, merchant=shop, approve=True)
    merchants.merchant_term_set(actor=cadre, merchant=shop, product=product, percent_off=Decimal(10), text="凭卡九折")
    merchant_staff.merchant_staff_add(actor=cadre, merchant=shop, name="收银员小茶", mobile="13800001111")
    return {"product": product}


def test_card_applied_issued_and_used_at_a_merchant(
    live_server: Any, browser: Any, county: dict[str, Any], artifacts: Path
) -> None:
    worker = browser.new_context(**PHONE).new_page()
    worker.goto(f"{live_server.url}/h5/me/cards/")
    sign_in(worker, "13912340061", name="吴会员", id_number=make_id(61, birth="19880101"))
    worker.goto(f"{live_server.url}/h5/me/cards/")
    worker.click("#offered button.primary")
    assert "已提交办卡申请" in worker.inner_text("main")

    desk = browser.new_context().new_page()
    desk.goto(f"{live_server.url}/accounts/login/")
    desk.fill("input[name=username]", "shangnan")
    desk.fill("input[name=password]", "pass-word-123")
    desk.click("button.primary")
    desk.wait_for_url(f"{live_server.url}/")
    product: CardProduct = county["product"]
    desk.goto(f"{live_server.url}/benefits/cards/{product.pk}/")
    desk.click("#pending button[value=approve]")
    desk.wait_for_selector("#cards")
    assert "有效" in desk.inner_text("#cards")

    worker.goto(f"{live_server.url}/h5/me/card/")
    worker.wait_for_selector("[data-card-qr] svg")
    token = worker.get_attribute("[data-card-qr]", "data-token") or ""

    till = browser.new_context(**PHONE).new_page()
    till.goto(f"{live_server.url}/h5/merchant/")
    sign_in(till, "13800001111")
    till.wait_for_selector("#scan-form")
    till.fill("#id_token", token)
    till.click("#scan-form button.primary")
    till.wait_for_selector("#offer")
    offer = till.inner_text("#offer")
    assert "凭卡九折" in offer and "吴会员" not in offer  # the cashier sees 吴** only
    till.fill("#id_amount", "128")
    till.click("#offer button.primary")
    till.wait_for_selector("#receipt")
    assert "12.80" in till.inner_text("#receipt") and "115.20" in till.inner_text("#receipt")
    till.screenshot(path=str(artifacts / "browser-merchant-receipt-phone.png"), full_page=True)
    assert Redemption.objects.count() == 1

    worker.goto(f"{live_server.url}/h5/me/discounts/")
    mine = worker.inner_text("#discounts")
    assert "商南县茶乡人家餐厅" in mine and "12.80" in mine
    worker.screenshot(path=str(artifacts / "browser-member-discounts-phone.png"), full_page=True)
