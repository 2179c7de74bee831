"""The merchant's desk as a cashier uses it: sign in with a phone code, scan, record, look back; and the
till's API with a merchant token. A cashier sees only its own merchant's records."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from gonghui.accounts.models import ApiToken, UserKind
from gonghui.accounts.sms.console import ConsoleSmsBackend
from gonghui.benefits import merchant_staff
from gonghui.benefits.models import MerchantStaff, Redemption
from gonghui.common.pii_crypto import blind_index
from tests.benefits.conftest import Shop, sign_shop


def _sign_in(client: Client, mobile: str) -> None:
    """The portal's phone-code sign-in, as the desk's redirect starts it."""
    start = client.get(reverse("benefits_h5:desk"))
    assert start.status_code == 302 and "for=phone" in start["Location"]
    client.post(start["Location"], {"mobile": mobile})
    code = ConsoleSmsBackend.outbox[blind_index(mobile, purpose="mobile")]
    done = client.post(start["Location"], {"step": "code", "code": code})
    assert done.status_code == 302
    client.get(done["Location"])  # the desk's enter page signs the cashier in


def test_a_cashier_signs_in_scans_and_records(shop: Shop) -> None:
    client = Client()
    _sign_in(client, "13800001111")
    shop.cashier.refresh_from_db()
    assert shop.cashier.user is not None and shop.cashier.user.kind == UserKind.MERCHANT
    home = client.get(reverse("benefits_h5:desk"))
    assert home.status_code == 200 and shop.merchant.name in home.content.decode()
    offer = client.post(reverse("benefits_h5:desk_check"), {"token": shop.token()})
    page = offer.content.decode()
    assert "凭卡九折" in page and "李会员" not in page
    key = offer.context["key"]
    done = client.post(
        reverse("benefits_h5:desk_redeem"), {"token": shop.token(), "amount": "200", "key": key, "use_card": "1"}
    )
    assert done.status_code == 302
    record = Redemption.objects.get()
    assert record.discount == Decimal(20) and record.staff == shop.cashier
    client.post(reverse("benefits_h5:desk_redeem"), {"token": shop.token(), "amount": "200", "key": key})
    assert Redemption.objects.count() == 1  # the double tap found the first record
    assert "180.00" in client.get(done["Location"]).content.decode()
    # the cashier reaches nothing else: no workbench, no 我的
    assert client.get(reverse("benefits:merchants")).status_code == 403
    assert client.get(reverse("portal:me")).status_code == 302


def test_a_number_that_is_no_cashiers_is_told_so(shop: Shop) -> None:
    client = Client()
    start = client.get(reverse("benefits_h5:desk"))
    client.post(start["Location"], {"mobile": "13900009999"})
    code = ConsoleSmsBackend.outbox[blind_index("13900009999", purpose="mobile")]
    client.post(start["Location"], {"step": "code", "code": code})
    page = client.get(reverse("benefits_h5:desk_enter"))
    assert page.status_code == 403 and "不是特惠商户的店员" in page.content.decode()
    assert not MerchantStaff.objects.filter(user__isnull=False).exists()


def test_a_stopped_cashier_loses_the_desk(shop: Shop) -> None:
    client = Client()
    _sign_in(client, "13800001111")
    shop.cashier.refresh_from_db()
    merchant_staff.merchant_staff_set_active(actor=shop.tree.cadre, staff=shop.cashier, active=False)
    assert client.get(reverse("benefits_h5:desk")).status_code == 302


def test_the_tills_api_with_a_merchant_token(shop: Shop) -> None:
    client = Client()
    _sign_in(client, "13800001111")
    shop.cashier.refresh_from_db()
    issued = client.post(reverse("benefits_h5:desk_tills"), follow=True)
    secret = issued.context["secret"]
    assert secret in issued.content.decode()
    assert "till-secret" not in client.get(reverse("benefits_h5:desk_tills")).content.decode()  # shown once
    headers = {"Authorization": f"Bearer {secret}"}
    api = Client()
    offer = api.post(
        "/api/v1/benefits/redemptions/offer", {"token": shop.token()}, content_type="application/json", headers=headers
    )
    assert offer.status_code == 200 and offer.json()["card"]["percent_off"] == "10.00"
    sale = {"token": shop.token(), "amount": "50", "key": "till-key-0001"}
    first = api.post("/api/v1/benefits/redemptions", sale, content_type="application/json", headers=headers)
    again = api.post("/api/v1/benefits/redemptions", sale, content_type="application/json", headers=headers)
    assert first.status_code == again.status_code == 200 and first.json()["id"] == again.json()["id"]
    bad = api.post(
        "/api/v1/benefits/redemptions",
        {**sale, "token": "forged", "key": "till-key-0002"},
        content_type="application/json",
        headers=headers,
    )
    assert bad.status_code == 422 and "会员码" in bad.content.decode()
    # the staff API refuses the merchant token, and another shop's records stay out of its list
    assert api.get("/api/v1/benefits/merchants", headers=headers).status_code == 401
    other = sign_shop(shop.tree, "商南另一家餐馆")
    other_cashier = merchant_staff.merchant_staff_add(
        actor=shop.tree.cadre, merchant=other, name="小李", mobile="13800002222"
    )
    Redemption.objects.create(
        merchant=other,
        staff=other_cashier,
        card=shop.card,
        person=shop.member.person,
        org=shop.member.org,
        key="other-shop-1",
        amount_before=Decimal(10),
        amount_after=Decimal(9),
        discount=Decimal(1),
        created_at=first.json()["created_at"],
    )
    own = api.get("/api/v1/benefits/merchant/redemptions", headers=headers).json()["items"]
    assert [r["key"] for r in own] == ["till-key-0001"]


def test_a_revoked_till_token_stops(shop: Shop) -> None:
    client = Client()
    _sign_in(client, "13800001111")
    secret = client.post(reverse("benefits_h5:desk_tills"), follow=True).context["secret"]
    headers = {"Authorization": f"Bearer {secret}"}
    assert Client().get("/api/v1/benefits/merchant/redemptions", headers=headers).status_code == 200
    token = ApiToken.objects.get()
    client.post(reverse("benefits_h5:desk_tills"), {"revoke": str(token.pk)})
    assert Client().get("/api/v1/benefits/merchant/redemptions", headers=headers).status_code == 401


def test_one_number_is_a_cashier_at_one_shop_at_a_time(shop: Shop) -> None:
    other = sign_shop(shop.tree, "商南另一家餐馆")
    with pytest.raises(ValidationError, match="另一家特惠商户"):
        merchant_staff.merchant_staff_add(actor=shop.tree.cadre, merchant=other, name="小王", mobile="13800001111")
    merchant_staff.merchant_staff_set_active(actor=shop.tree.cadre, staff=shop.cashier, active=False)
    moved = merchant_staff.merchant_staff_add(actor=shop.tree.cadre, merchant=other, name="小王", mobile="13800001111")
    assert moved.merchant == other
