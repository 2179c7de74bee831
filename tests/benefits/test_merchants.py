"""特惠商户: signing with a checked credit code, approval, suspension, discount terms, who may serve which card."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse

from gonghui.benefits import merchants, services
from gonghui.benefits.choices import MerchantStatus
from gonghui.benefits.models import Merchant
from gonghui.orgs.demo import demo_uscc
from tests.factories import Tree, today


def _fields(**over: object) -> merchants.MerchantFields:
    data = merchants.MerchantFields(
        name="商南金丝峡农家乐",
        uscc=demo_uscc("92", "611023", "商南金丝峡农家乐"),
        category="food",
        address="商南县金丝峡镇",
        agreement_from=today() - dt.timedelta(days=30),
        agreement_until=today() + dt.timedelta(days=335),
    )
    for key, value in over.items():
        setattr(data, key, value)
    return data


def test_signing_checks_the_credit_code_and_the_period(tree: Tree) -> None:
    with pytest.raises(ValidationError) as caught:
        merchants.merchant_create(
            actor=tree.cadre,
            org=tree.county,
            data=_fields(uscc="91611023MA6Y00000X", name="", agreement_until=today() - dt.timedelta(days=60)),
        )
    assert set(caught.value.message_dict) == {"uscc", "name", "agreement_until"}
    merchant = merchants.merchant_create(actor=tree.cadre, org=tree.county, data=_fields())
    assert merchant.status == MerchantStatus.PENDING and not merchants.merchant_serves(merchant)
    with pytest.raises(ValidationError, match="已签约"):
        merchants.merchant_create(actor=tree.cadre, org=tree.county, data=_fields())
    assert Merchant.objects.count() == 1


def test_approval_suspension_and_the_agreement(tree: Tree) -> None:
    merchant = merchants.merchant_create(actor=tree.cadre, org=tree.county, data=_fields())
    with pytest.raises(ValidationError, match="原因"):
        merchants.merchant_decide(actor=tree.cadre, merchant=merchant, approve=False)
    merchant = merchants.merchant_decide(actor=tree.cadre, merchant=merchant, approve=True)
    assert merchants.merchant_serves(merchant)
    assert not merchants.merchant_serves(merchant, on=today() + dt.timedelta(days=400))  # the agreement ran out
    with pytest.raises(ValidationError, match="暂停的原因"):
        merchants.merchant_suspend(actor=tree.cadre, merchant=merchant, suspend=True)
    merchant = merchants.merchant_suspend(actor=tree.cadre, merchant=merchant, suspend=True, reason="会员投诉")
    assert not merchants.merchant_serves(merchant)
    merchant = merchants.merchant_suspend(actor=tree.cadre, merchant=merchant, suspend=False)
    assert merchants.merchant_serves(merchant)
    from gonghui.benefits.figures import benefits_figures

    figures = {f.key: f for f in benefits_figures(tree.county, today().year)}
    assert figures["merchants"].value == 1 and "status=approved" in figures["merchants"].url


def test_terms_only_for_the_unions_own_and_higher_cards(tree: Tree) -> None:
    county_card = services.card_product_create(
        actor=tree.cadre, org=tree.county, data=services.ProductFields(name="县会员服务卡", kind="service")
    )
    union_card = services.card_product_create(
        actor=tree.union_cadre, org=tree.union, data=services.ProductFields(name="城关会员卡", kind="service")
    )
    at_union = merchants.merchant_create(actor=tree.union_cadre, org=tree.union, data=_fields())
    term = merchants.merchant_term_set(
        actor=tree.union_cadre, merchant=at_union, product=county_card, percent_off=Decimal(10), text="凭卡九折"
    )
    assert term.percent_off == Decimal(10)
    at_county = merchants.merchant_create(actor=tree.cadre, org=tree.county, data=_fields(name="县城商户"))
    with pytest.raises(ValidationError, match="本会或上级工会"):
        merchants.merchant_term_set(
            actor=tree.cadre, merchant=at_county, product=union_card, percent_off=Decimal(5), text="九五折"
        )
    with pytest.raises(ValidationError, match="优惠比例"):
        merchants.merchant_term_set(
            actor=tree.cadre, merchant=at_county, product=county_card, percent_off=Decimal(120), text="白送"
        )


def test_outsiders_neither_see_nor_act(tree: Tree) -> None:
    merchant = merchants.merchant_create(actor=tree.cadre, org=tree.county, data=_fields())
    with pytest.raises(Http404):
        merchants.merchant_get_for(tree.outsider, merchant.pk)
    with pytest.raises((Http404, PermissionDenied)):
        merchants.merchant_decide(actor=tree.outsider, merchant=merchant, approve=True)
    client = Client()
    client.force_login(tree.outsider)
    assert "金丝峡农家乐" not in client.get(reverse("benefits:merchants")).content.decode()


def test_the_pages(tree: Tree) -> None:
    client = Client()
    client.force_login(tree.cadre)
    data = {
        "org": tree.county.code,
        "name": "商南县汽车客运站",
        "uscc": demo_uscc("91", "611023", "商南县汽车客运站"),
        "category": "travel",
        "address": "商南县城关街道",
        "agreement_from": today().isoformat(),
        "agreement_until": (today() + dt.timedelta(days=365)).isoformat(),
    }
    response = client.post(reverse("benefits:merchant_new"), data)
    merchant = Merchant.objects.get()
    assert response["Location"] == reverse("benefits:merchant", args=[merchant.pk])
    client.post(reverse("benefits:merchant_act", args=[merchant.pk, "approve"]))
    page = client.get(reverse("benefits:merchant", args=[merchant.pk])).content.decode()
    assert "合作中" in page and "今日可用" in page
    bad = client.post(reverse("benefits:merchant_new"), {**data, "uscc": "123"})
    assert bad.status_code == 200 and Merchant.objects.count() == 1


def test_a_located_merchant_shows_on_the_near_me_map(tree: Tree) -> None:
    with pytest.raises(ValidationError, match="同时填写"):
        merchants.merchant_create(actor=tree.cadre, org=tree.county, data=_fields(lat=Decimal("33.53")))
    with pytest.raises(ValidationError, match="填反"):
        merchants.merchant_create(
            actor=tree.cadre, org=tree.county, data=_fields(lat=Decimal("110.88"), lng=Decimal("33.53"))
        )
    shop = merchants.merchant_create(
        actor=tree.cadre, org=tree.county, data=_fields(lat=Decimal("33.5312"), lng=Decimal("110.8822"))
    )
    page = Client().get(reverse("stations_h5:near"), {"lat": "33.532", "lng": "110.883"}).content.decode()
    assert "商南金丝峡农家乐" not in page  # not yet approved
    merchants.merchant_decide(actor=tree.cadre, merchant=shop, approve=True)
    page = Client().get(reverse("stations_h5:near"), {"lat": "33.532", "lng": "110.883"}).content.decode()
    assert "商南金丝峡农家乐" in page and "near-places" in page
    far = Client().get(reverse("stations_h5:near"), {"lat": "34.532", "lng": "110.883"}).content.decode()
    assert "商南金丝峡农家乐" not in far
