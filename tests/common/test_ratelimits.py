"""Rate-limit buckets: per identity and per client apart, the client taken from the proxy only when told."""

from __future__ import annotations

import pytest
from django.test import RequestFactory, override_settings

from gonghui.common.audit import client_ip
from gonghui.common.ratelimits import RateLimited, check_rate

pytestmark = pytest.mark.django_db


def _request(ip: str = "10.0.0.1", forwarded: str = "") -> object:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().post("/x", REMOTE_ADDR=ip, **extra)


@override_settings(PUBLIC_LIMIT_PER_IDENTITY="2/h", PUBLIC_LIMIT_PER_CLIENT="20/h")
def test_an_identity_is_limited_from_any_address_and_other_identities_are_not() -> None:
    check_rate(_request("10.0.0.1"), form="t", identities={"id": "A"})
    check_rate(_request("10.0.0.2"), form="t", identities={"id": "A"})
    with pytest.raises(RateLimited, match="提交过于频繁"):
        check_rate(_request("10.0.0.3"), form="t", identities={"id": "A"})
    check_rate(_request("10.0.0.3"), form="t", identities={"id": "B"})
    check_rate(_request("10.0.0.3"), form="other-form", identities={"id": "A"})  # forms count apart


@override_settings(PUBLIC_LIMIT_PER_IDENTITY="2/h", PUBLIC_LIMIT_PER_CLIENT="5/h")
def test_one_client_is_limited_across_identities() -> None:
    for n in range(5):
        check_rate(_request(), form="t", identities={"id": f"P{n}"})
    with pytest.raises(RateLimited):
        check_rate(_request(), form="t", identities={"id": "P9"})
    check_rate(_request("10.0.0.9"), form="t", identities={"id": "P9"})


def test_the_defaults_give_a_nat_ten_times_an_identity(settings: object) -> None:
    from django.conf import settings as live

    identity, client = (int(r.split("/")[0]) for r in (live.PUBLIC_LIMIT_PER_IDENTITY, live.PUBLIC_LIMIT_PER_CLIENT))
    assert client >= 10 * identity


def test_forwarded_for_is_read_only_behind_the_proxy() -> None:
    spoofed = _request("10.0.0.1", forwarded="1.2.3.4")
    assert client_ip(spoofed) == "10.0.0.1"  # type: ignore[arg-type]
    with override_settings(BEHIND_PROXY=True):
        # The proxy appends the address it saw: the last entry, not whatever the client put first.
        assert client_ip(_request("127.0.0.1", forwarded="6.6.6.6, 203.0.113.7")) == "203.0.113.7"  # type: ignore[arg-type]
        assert client_ip(_request("127.0.0.1", forwarded="junk")) is None  # type: ignore[arg-type]
