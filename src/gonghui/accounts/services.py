from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from gonghui.accounts.models import ApiToken, User, UserKind
from gonghui.common.memory import ShortMemory

TOKEN_PREFIX = "gh_"  # noqa: S105 - a visible prefix, not a secret


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once, never stored


LAST_USED_GRAIN = dt.timedelta(minutes=1)


def _digest(secret: str) -> str:
    # Tokens are 256-bit random, so an unkeyed hash is not brute-forceable.
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_issue(*, user: User, name: str) -> IssuedToken:
    prefix = secrets.token_hex(6)
    secret = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(user=user, name=name, prefix=prefix, digest=_digest(secret))
    return IssuedToken(token=token, secret=secret)


# A scanner app or an integration calls many times a second with one token: a genuine token's user is kept in
# the worker process for a few seconds (by the token's digest, never the secret). A revoked or expired token
# and a deactivated account stop working within TOKEN_CACHE_SECONDS in every process.
TOKEN_CACHE_SECONDS = 10.0
# Per token digest: when the token expires (epoch seconds, or None) and its user's field values.
_recent: ShortMemory[str, tuple[float | None, tuple[Any, ...]]] = ShortMemory(limit=10_000)
_USER_FIELDS = [f.attname for f in User._meta.concrete_fields]


def _cached_user(digest: str) -> User | None:
    hit = _recent.get(digest, max_age=TOKEN_CACHE_SECONDS)
    if hit is None or (hit[0] is not None and time.time() >= hit[0]):
        return None
    return User.from_db("default", _USER_FIELDS, hit[1])  # a fresh instance: nothing carries over from a request


def api_token_authenticate(secret: str, *, kind: UserKind = UserKind.STAFF) -> User | None:
    """The active account of `kind` behind a genuine, unrevoked, unexpired token (staff: the staff API;
    merchant: a cashier's till calling the redemption operations)."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    digest = _digest(secret)
    user = _cached_user(digest)
    if user is not None:
        return user if user.kind == kind else None
    prefix = secret[len(TOKEN_PREFIX) :].partition("_")[0]
    token = ApiToken.objects.select_related("user").filter(prefix=prefix, revoked_at__isnull=True).first()
    if token is None or not hmac.compare_digest(token.digest, digest):
        return None
    now = timezone.now()
    if (token.expires_at and token.expires_at <= now) or not token.user.is_active or token.user.kind != kind:
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_GRAIN:
        # "Last used" to the minute, not one write per request.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    expires = token.expires_at.timestamp() if token.expires_at else None
    _recent.put(digest, (expires, tuple(getattr(token.user, f) for f in _USER_FIELDS)))
    return token.user


def forget_tokens() -> None:
    """Drop this process's remembered tokens (tests; and after a revocation, for this process at once)."""
    _recent.clear()


def api_token_revoke(*, token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    forget_tokens()


def partner_account(*, kind: UserKind, display_name: str) -> User:
    """A new account for a merchant's cashier or a provider: no password, signed in by phone code only."""
    user = User(username=f"{kind[0]}-{secrets.token_hex(8)}", kind=kind, display_name=display_name[:50])
    user.set_unusable_password()
    user.save()
    return user
