"""The 电子会员卡 token: a short-lived signed claim "membership N", shown as a QR code on the worker's phone.

It holds no ID number, mobile or name: only the membership id and the time it was signed, under an HMAC
(Django's signing, keyed by SECRET_KEY). Stations, events and merchants verify it with `card_check`:
the signature and age alone say whether the token is genuine (no database needed), one indexed read
says whether the membership is still active. The phone renews it before CARD_TOKEN_SECONDS pass, so a
screenshot is useless minutes later.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership

_SIGNER = signing.TimestampSigner(salt="gonghui.members.card")


class CardInvalid(Exception):
    """Forged, altered, expired, or no longer an active membership; the message says which, in Chinese."""


@dataclass(frozen=True)
class CardCheck:
    org_name: str
    member_no: str


def card_token(membership: Membership) -> str:
    return _SIGNER.sign(f"m{membership.pk}")


def card_claim(token: str) -> int:
    """The membership id a genuine, unexpired token names (signature and age only, no database)."""
    try:
        value = _SIGNER.unsign(token.strip(), max_age=settings.CARD_TOKEN_SECONDS)
    except signing.SignatureExpired as exc:
        raise CardInvalid(_("会员码已过期，请让会员刷新后再扫。")) from exc
    except signing.BadSignature as exc:
        raise CardInvalid(_("不是有效的会员码。")) from exc
    if not value.startswith("m") or not value[1:].isdigit():
        raise CardInvalid(_("不是有效的会员码。"))
    return int(value[1:])


def card_check(token: str) -> CardCheck:
    """在册会员 · 工会 · 会员号 for a genuine token of an active membership; nothing else is shown."""
    membership_id = card_claim(token)
    row = (
        Membership.objects.filter(pk=membership_id, status=MembershipStatus.ACTIVE)
        .values_list("org__name", "member_no")
        .first()
    )
    if row is None:
        raise CardInvalid(_("该会员卡已失效（会籍不在册）。"))
    return CardCheck(org_name=row[0], member_no=row[1])
