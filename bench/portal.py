"""Issue 13: the worker's sign-in (code request + verify), 我的, and the e-card token, among 1,000,000 members.

Sign-in and 我的 go through the whole view (Django's test client: middleware, session, rate-limit buckets,
phone-code rows, templates) on PostgreSQL. Targets: sign-in and 我的 p95 ≤ 100 ms; card token
verification ≥ 5,000/s in one process.
Peers, measured in the same run: for the sign-in, Django's own LoginView (username + password, the way a
Django site signs users in); for 我的, a bare view that reads the signed-in user's own person and returns
its name in one line of HTML (`bench.join_urls`); for the card, Django's `signing.dumps`/`loads` of the same claim
(the usual way to sign a value) and, with its database read, a bare indexed read of the membership.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from itertools import count
from typing import Any

from bench.harness import Result, _database_label, measure, report, result
from bench.members_list import MEMBERS

SCALE = "1,000,000 members (members_list.build); 80 worker accounts bound to them; in-process test client"
FIRST = 700_001  # the bench's workers: people FIRST … FIRST+79 of the million, each with their own mobile
WORKERS = 80
PASSWORD = "bench-pass-word-123"  # noqa: S105 - the peer's bench-only account
CARD_TOKENS = 20_000


def _mobile(person_id: int) -> str:
    return f"139{person_id - 1:08d}"  # as members_list.build numbers them


def _prepare() -> None:
    from django.contrib.auth import get_user_model

    from bench import members_list
    from gonghui.accounts.models import PhoneCode, UserKind
    from gonghui.members.models import WorkerAccount

    members_list.build(rebuild=False)
    PhoneCode.objects.all().delete()  # earlier runs' codes: every number's daily cap starts afresh
    users = get_user_model().objects
    for person_id in range(FIRST, FIRST + WORKERS):
        user, _ = users.get_or_create(username=f"bench-worker-{person_id}", defaults={"kind": UserKind.WORKER})
        WorkerAccount.objects.get_or_create(person_id=person_id, defaults={"user": user})
    peer, _ = users.get_or_create(username="bench-password-user")
    peer.set_password(PASSWORD)
    peer.save()


def _sign_in(mobiles: Iterator[str]) -> Callable[[], None]:
    from django.test import Client

    from gonghui.accounts.sms.console import ConsoleSmsBackend
    from gonghui.common.pii_crypto import blind_index

    def call() -> None:
        mobile, client = next(mobiles), Client()
        asked = client.post("/h5/me/signin/", {"mobile": mobile}, secure=True)
        assert asked.status_code == 200 and b'name="code"' in asked.content, asked.status_code
        code = ConsoleSmsBackend.outbox[blind_index(mobile, purpose="mobile")]
        signed = client.post("/h5/me/signin/", {"step": "code", "code": code}, secure=True)
        assert signed.status_code == 302 and signed["Location"] == "/h5/me/", signed.status_code

    return call


def _password_sign_in() -> None:
    from django.test import Client

    response = Client().post("/accounts/login/", {"username": "bench-password-user", "password": PASSWORD}, secure=True)
    assert response.status_code == 302, response.status_code


def _page(client: Any, path: str) -> Callable[[], None]:
    def call() -> None:
        response = client.get(path, secure=True)
        assert response.status_code == 200, response.status_code

    return call


def _rate(func: Callable[[], object], n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        func()
    return n / (time.perf_counter() - start)


def _cards() -> list[Result]:
    from django.core import signing

    from gonghui.members.card import card_check, card_claim, card_token
    from gonghui.members.models import Membership

    active = list(Membership.objects.filter(status="active", pk__lte=MEMBERS)[:CARD_TOKENS])
    tokens = [card_token(m) for m in active]
    peer_tokens = [signing.dumps({"m": m.pk}, salt="bench.card") for m in active]
    pks = [m.pk for m in active]
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")

    def per_second(metric: str, ours: float, peer_name: str, peer: float, target: str) -> Result:
        return Result(
            metric, round(ours), "tokens/s", target, peer_name, round(peer), round(ours / peer, 3), SCALE,
            _database_label(), at,
        )  # fmt: skip

    claims = iter(tokens * 3)
    peer_claims = iter(peer_tokens * 3)
    claim_rate = _rate(lambda: card_claim(next(claims)), len(tokens))
    peer_claim_rate = _rate(lambda: signing.loads(next(peer_claims), salt="bench.card", max_age=120), len(tokens))
    checks, reads = iter(tokens[:2000]), iter(pks[:2000])
    check_rate = _rate(lambda: card_check(next(checks)), 2000)
    read_rate = _rate(
        lambda: Membership.objects.filter(pk=next(reads), status="active").values_list("org__name").first(), 2000
    )
    return [
        per_second("card_verify_signature", claim_rate, "signing.loads of the same claim", peer_claim_rate, "≥ 5000"),
        per_second("card_verify_with_read", check_rate, "bare indexed membership read", read_rate, "—"),
    ]


def run() -> list[Result]:
    from django.test import Client, override_settings

    from gonghui.accounts.models import User

    _prepare()
    mobiles = (_mobile(FIRST + n % WORKERS) for n in count())
    with override_settings(
        ROOT_URLCONF="bench.join_urls",
        PUBLIC_LIMIT_PER_CLIENT="1000000/h",  # every bench request comes from one address, and reruns
        PUBLIC_LIMIT_PER_IDENTITY="1000000/h",  # reuse the 80 numbers: the buckets are still counted,
        PHONE_CODE_DAILY_PER_CLIENT=1_000_000,  # only their thresholds are out of the way
        PHONE_CODE_RESEND_SECONDS=0,
    ):
        sign_in = measure(_sign_in(mobiles), runs=40, warmup=5)
        password = measure(_password_sign_in, runs=10, warmup=1)
        worker = Client()
        worker.force_login(User.objects.get(username=f"bench-worker-{FIRST}"))
        me = measure(_page(worker, "/h5/me/"), runs=40, warmup=3)
        bare = measure(_page(worker, "/bench/bare-me"), runs=40, warmup=3)
    return [
        result("signin_code_request_and_verify", sign_in, target="≤ 100", scale=SCALE,
               peer="Django LoginView, username + password", peer_timing=password),
        result("my_page", me, target="≤ 100", scale=SCALE,
               peer="bare view: own person, one line of HTML", peer_timing=bare),
        *_cards(),
    ]  # fmt: skip


def main(**_: Any) -> None:
    report("portal", run())
