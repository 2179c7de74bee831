"""Rate limits for public forms and endpoints, on django-ratelimit and the shared "limits" cache.

Each try of a form is counted in separate buckets: one for the client address and one per identity
the try names (the HMAC of an ID number or a mobile, never the number). The identity buckets stop a
number being probed from many addresses; the client bucket, ten or more times larger, stops one address
probing many numbers without locking out a whole factory behind one NAT.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from gonghui.common.audit import client_ip


class RateLimited(ValidationError):
    """Too many tries: a form shows the message under the form, the API answers 429."""


def _client_key(group: str, request: HttpRequest) -> str:
    """The client bucket's key (proxy-aware, common.audit.client_ip); requests without an address share one."""
    return client_ip(request) or "0.0.0.0"  # noqa: S104 - a bucket name, not a bind address


def _identity_key(value: str) -> object:
    return lambda group, request: value


def check_rate(request: HttpRequest, *, form: str, identities: Mapping[str, str] | None = None) -> None:
    """Count one try of `form`; raise RateLimited if this client or any named identity is over its limit.

    `identities` maps a kind ("id", "mobile") to a keyed hash of the value: cache keys never hold a number.
    """
    limited = is_ratelimited(
        request, group=f"{form}:client", key=_client_key, rate=settings.PUBLIC_LIMIT_PER_CLIENT, increment=True
    )
    for kind, digest in (identities or {}).items():
        if digest:
            limited |= is_ratelimited(
                request,
                group=f"{form}:{kind}",
                key=_identity_key(digest),
                rate=settings.PUBLIC_LIMIT_PER_IDENTITY,
                increment=True,
            )
    if limited:
        raise RateLimited(_("提交过于频繁，请稍后再试。"), code="rate_limited")
