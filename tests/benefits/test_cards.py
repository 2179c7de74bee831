"""Member cards: products, applying and deciding, issuing by rule, loss, cancellation, renewal, expiry."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.accounts.models import UserKind
from gonghui.accounts.services import api_token_issue
from gonghui.benefits import services
from gonghui.benefits.choices import CardKind, CardStatus, Validity
from gonghui.benefits.figures import benefits_figures
from gonghui.benefits.models import CardProduct, MemberCard
from gonghui.members.models import WorkerAccount
from tests.factories import Tree, UserFactory, make_member


def _product(tree: Tree, **fields: object) -> CardProduct:
    data = services.ProductFields(name=str(fields.pop("name", "会员服务卡")), kind=str(fields.pop("kind", "service")))
    for key, value in fields.items():
        setattr(data, key, value)
    return services.card_product_create(actor=tree.cadre, org=tree.county, data=data)


def test_validity_runs_to_the_years_end_or_for_months() -> None:
    year = CardProduct(validity=Validity.CALENDAR_YEAR)
    assert services.validity_for(year, dt.date(2026, 3, 5)) == (dt.date(2026, 3, 5), dt.date(2026, 12, 31))
    months = CardProduct(validity=Validity.MONTHS, months=12)
    assert services.validity_for(months, dt.date(2026, 1, 31))[1] == dt.date(2027, 1, 30)
    short = CardProduct(validity=Validity.MONTHS, months=1)
    assert services.validity_for(short, dt.date(2026, 1, 31))[1] == dt.date(2026, 2, 27)


def test_a_member_applies_and_the_union_issues(tree: Tree) -> None:
    product = _product(tree)
    member = make_member(tree.union, 1)
    card = services.card_apply(person=member.person, product=product)
    assert card.status == CardStatus.APPLIED and len(card.number) == 12
    with pytest.raises(ValidationError, match="已申请或持有"):
        services.card_apply(person=member.person, product=product)
    card = services.card_decide(actor=tree.cadre, card=card, approve=True)
    assert card.status == CardStatus.ACTIVE and card.valid_until == dt.date(timezone.localdate().year, 12, 31)
    with pytest.raises(ValidationError, match="已处理"):
        services.card_decide(actor=tree.cadre, card=card, approve=True)


def test_the_database_allows_one_live_card_per_product(tree: Tree) -> None:
    product = _product(tree)
    member = make_member(tree.union, 1)
    services.card_apply(person=member.person, product=product)
    with pytest.raises(IntegrityError):
        MemberCard.objects.create(
            product=product, person=member.person, membership=member, org=tree.union, number="X", status="active"
        )


@pytest.mark.parametrize(
    ("fields", "reason"),
    [({"employment_form": "courier"}, "仅限快递员"), ({"self_apply": False}, "统一发放")],
)
def test_refusals_say_why(tree: Tree, fields: dict, reason: str) -> None:
    product = _product(tree, **fields)
    with pytest.raises(ValidationError, match=reason):
        services.card_apply(person=make_member(tree.union, 1).person, product=product)
    assert not MemberCard.objects.exists()


def test_only_the_audience_and_only_members(tree: Tree) -> None:
    product = _product(tree, eligible_org=tree.other)
    with pytest.raises(ValidationError, match="所属会员"):
        services.card_apply(person=make_member(tree.union, 1).person, product=product)
    stranger = make_member(tree.stranger, 2)
    with pytest.raises(ValidationError, match="所属会员"):
        services.card_apply(person=stranger.person, product=_product(tree, name="另一张卡"))


def test_product_checks(tree: Tree) -> None:
    with pytest.raises(ValidationError) as caught:
        _product(tree, name="", kind=CardKind.COBRAND, price=Decimal(-1), validity="months", months=0)
    assert set(caught.value.message_dict) == {"name", "bank_name", "price", "months"}
    with pytest.raises((Http404, PermissionDenied)):
        services.card_product_create(
            actor=tree.outsider, org=tree.county, data=services.ProductFields(name="卡", kind="service")
        )


def test_issue_by_rule_is_safe_to_repeat(tree: Tree) -> None:
    product = _product(tree, name="旅游年卡", kind=CardKind.TOUR)
    for i in range(7):
        make_member(tree.union if i % 2 else tree.other, i)
    make_member(tree.stranger, 99)  # another federation: not in the audience
    first = make_member(tree.union, 50)
    services.card_apply(person=first.person, product=product)  # an application already pending
    assert services.cards_issue_by_rule(actor=tree.cadre, product=product) == 7
    assert services.cards_issue_by_rule(actor=tree.cadre, product=product) == 0
    issued = MemberCard.objects.filter(product=product, status="active")
    assert issued.count() == 7
    numbers = [c.number for c in issued]  # unguessable on both paths: 12 random hex digits, all different
    assert all(re.fullmatch(r"[0-9A-F]{12}", n) for n in numbers) and len(set(numbers)) == 7
    assert {c.valid_until for c in issued} == {dt.date(timezone.localdate().year, 12, 31)}
    assert services.cards_issue_by_rule(actor=tree.cadre, product=product, under=tree.union) == 0
    figures = {f.key: f.value for f in benefits_figures(tree.county, timezone.localdate().year)}
    assert figures["cards"] == 7 and figures["cards_tour"] == 7 and figures["cards_pending"] == 1


def test_cobranded_cards_keep_only_the_last_four_digits(tree: Tree) -> None:
    product = _product(tree, name="汇工融通卡", kind=CardKind.COBRAND, bank_name="乐清农商银行")
    card = services.card_apply(person=make_member(tree.union, 1).person, product=product)
    with pytest.raises(ValidationError, match="后四位"):
        services.card_decide(actor=tree.cadre, card=card, approve=True, bank_last4="6222021234567890")
    card = services.card_decide(actor=tree.cadre, card=card, approve=True, bank_last4="7890")
    assert card.bank_last4 == "7890"
    with pytest.raises(ValidationError, match="逐张办理"):
        services.cards_issue_by_rule(actor=tree.cadre, product=product)


def test_lost_cancelled_renewed_and_expired(tree: Tree) -> None:
    product = _product(tree)
    member = make_member(tree.union, 1)
    services.cards_issue_by_rule(actor=tree.cadre, product=product)
    card = MemberCard.objects.get(person=member.person)
    card = services.card_report_lost(card=card)
    assert card.status == CardStatus.LOST
    with pytest.raises(ValidationError, match="注销原因"):
        services.card_cancel(actor=tree.cadre, card=card, reason=" ")
    services.card_cancel(actor=tree.cadre, card=card, reason="遗失补办")
    services.card_apply(person=member.person, product=product)  # a new card may follow a cancelled one
    renewal = MemberCard.objects.create(
        product=_product(tree, name="年卡"),
        person=member.person,
        membership=member,
        org=tree.union,
        number="OLD000000001",
        status="active",
        valid_from=dt.date(2020, 1, 1),
        valid_until=dt.date(2020, 12, 31),
    )
    assert services.cards_expire() == 1
    renewal.refresh_from_db()
    assert renewal.status == CardStatus.EXPIRED
    renewed = services.card_renew(actor=tree.cadre, card=renewal)
    assert renewed.status == CardStatus.ACTIVE and renewed.valid_until == dt.date(timezone.localdate().year, 12, 31)


def test_the_worker_applies_on_the_phone_and_the_cadre_issues(tree: Tree) -> None:
    product = _product(tree, benefits="吃住行游购九折")
    member = make_member(tree.union, 1)
    user = UserFactory(username="w-card", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=user, person=member.person)
    phone = Client()
    phone.force_login(user)
    page = phone.get(reverse("benefits_h5:cards")).content.decode()
    assert "会员服务卡" in page and "吃住行游购九折" in page
    phone.post(reverse("benefits_h5:apply", args=[product.pk]))
    card = MemberCard.objects.get()
    desk = Client()
    desk.force_login(tree.cadre)
    assert member.person.name in desk.get(reverse("benefits:product", args=[product.pk])).content.decode()
    desk.post(reverse("benefits:card_act", args=[card.pk, "decide"]), {"decision": "approve"})
    card.refresh_from_db()
    assert card.status == "active"
    assert "有效" in phone.get(reverse("portal:me")).content.decode()
    nosy = Client()
    nosy.force_login(tree.outsider)
    assert nosy.get(reverse("benefits:product", args=[product.pk])).status_code == 404


def test_the_api_issues_and_lists(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    product = _product(tree)
    for i in range(30):
        make_member(tree.union, i)
    client = Client(headers={"Authorization": f"Bearer {api_token_issue(user=tree.cadre, name='t').secret}"})
    answer = client.post(reverse("api:benefits_cards_issue", args=[product.pk]), "{}", content_type="application/json")
    assert answer.json() == {"issued": 30}
    with django_assert_max_num_queries(8):
        page = client.get(reverse("api:benefits_cards_list", args=[product.pk])).json()
    assert len(page["items"]) == 30 and page["items"][0]["status"] == "active"
    bad = client.post(
        reverse("api:benefits_products_create"),
        json.dumps({"org_code": tree.county.code, "name": "联名卡", "kind": "cobrand"}),
        content_type="application/json",
    )
    assert bad.status_code == 422 and "合作银行" in bad.json()["detail"]
