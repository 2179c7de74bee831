"""The sign-up's ticket: a signed claim "sign-up N" shown as a QR code in 我的.

It holds no name, ID or phone. Unlike the member card it does not age (an organiser may download the
list and check tickets offline, by the ticket's digest); it stops working when the event is over.
"""

from __future__ import annotations

import hashlib

from django.core import signing
from django.utils.translation import gettext as _

from gonghui.events.models import SignUp

_SIGNER = signing.Signer(salt="gonghui.events.ticket")
PREFIX = "t"


class TicketInvalid(Exception):
    """Forged or altered; the message says so in Chinese."""


def ticket_token(signup: SignUp) -> str:
    return _SIGNER.sign(f"{PREFIX}{signup.pk}")


def is_ticket(token: str) -> bool:
    return token.strip().startswith(PREFIX)


def ticket_claim(token: str) -> int:
    """The sign-up id a genuine ticket names (signature only, no database)."""
    try:
        value = _SIGNER.unsign(token.strip())
    except signing.BadSignature as exc:
        raise TicketInvalid(_("不是有效的活动票券。")) from exc
    if not value.startswith(PREFIX) or not value[1:].isdigit():
        raise TicketInvalid(_("不是有效的活动票券。"))
    return int(value[1:])


def ticket_digest(token: str) -> str:
    """What the offline list holds instead of the ticket: a scanner matches the scanned code's digest."""
    return hashlib.sha256(token.strip().encode()).hexdigest()[:20]
