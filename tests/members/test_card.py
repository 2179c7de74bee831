"""The 电子会员卡 token: genuine and fresh verifies; expired, forged or ended memberships do not."""

from __future__ import annotations

import time

import pytest
from django.test import Client, override_settings

from gonghui.members.card import CardInvalid, card_check, card_claim, card_token
from gonghui.members.models import Membership
from tests.world import World


def test_a_fresh_token_shows_membership_and_nothing_personal(world: World) -> None:
    token = card_token(world.member)
    found = card_check(token)
    assert (found.org_name, found.member_no) == ("测试基层工会", "DF-0001")
    assert "320904" not in token and "1390000" not in token and "李在册" not in token


def test_an_altered_or_foreign_token_is_refused(world: World) -> None:
    token = card_token(world.member)
    forged = token.replace(f"m{world.member.pk}:", f"m{world.pending.pk}:")
    for bad in (forged, token[:-2] + "xx", "m1", ""):
        with pytest.raises(CardInvalid, match="不是有效的会员码"):
            card_claim(bad)


def test_an_expired_token_is_refused(world: World) -> None:
    token = card_token(world.member)
    with override_settings(CARD_TOKEN_SECONDS=0):
        time.sleep(1.1)
        with pytest.raises(CardInvalid, match="已过期"):
            card_claim(token)


def test_a_token_of_a_membership_no_longer_active_is_refused(world: World) -> None:
    token = card_token(world.member)
    Membership.objects.filter(pk=world.member.pk).update(status="transferred")
    with pytest.raises(CardInvalid, match="已失效"):
        card_check(token)
    pending = card_token(world.pending)
    with pytest.raises(CardInvalid, match="已失效"):
        card_check(pending)


def test_the_scanner_page_and_the_api_show_membership_only(world: World) -> None:
    client = Client()
    client.force_login(world.users["sibling"])  # any staff may check a card its holder shows them
    page = client.post("/members/card-scanner/", {"token": card_token(world.member)}).content.decode()
    assert "在册会员" in page and "DF-0001" in page and "李在册" not in page and "320904" not in page
    response = Client().post(
        "/api/v1/cards/verify",
        data={"token": "junk"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {world.tokens['owner']}"},
    )
    assert response.json() == {"valid": False, "detail": "不是有效的会员码。", "org_name": "", "member_no": ""}
