"""Issue 16: member cards and redemption at scale, on PostgreSQL (1,000,000 members over the bench tree).

1. Batch issue: a county's service card issued by rule to about 100,000 members (cards_issue_by_rule: the
   eligible members' select, the holders' exclusion, batched inserts under the one-live-card index).
   Target: ≥ 10,000 cards/s. Peer: Django's bulk_create of the same number of prepared card rows.
2. Redemption under load: wrk posts one sale per request to POST /api/v1/benefits/redemptions through
   gunicorn on loopback, with 8 tills' merchant tokens in turn and a different member's e-card each time
   (100,000 cards held, 1,000 merchants): token check, card and terms lookup, one insert under the
   idempotency index. Targets: ≥ 0.5× the bare one-INSERT view's rate in the same run, p99 ≤ 50 ms.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.harness import Result, _database_label
from bench.join_load import ROUNDS, WARMUP, WORKERS, _server, _wrk

MERCHANTS = 1_000
TILLS = 8
TARGET_CARDS = 100_000
BLOCK = 12_000  # card tokens per wrk run


def _county() -> Any:
    """The bench node whose subtree holds the number of members closest to TARGET_CARDS."""
    from django.db.models import Count

    from gonghui.members.models import Membership
    from gonghui.orgs.models import OrgNode

    best, best_gap = None, None
    for node in OrgNode.objects.filter(code__startswith="b-", depth__in=(2, 3)).order_by("path")[:400]:
        n = Membership.objects.filter(org__path__startswith=node.path, status="active").aggregate(n=Count("pk"))["n"]
        gap = abs(n - TARGET_CARDS)
        if n >= TARGET_CARDS // 2 and (best_gap is None or gap < best_gap):
            best, best_gap = node, gap
    if best is None:
        raise RuntimeError("no bench node with enough members: run the members_list bench's build first")
    return best


def _reset(county: Any, user: Any) -> Any:
    from django.db import connection

    from gonghui.benefits.services import ProductFields, card_product_create

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE benefits_redemption, benefits_voucher, benefits_merchantstaff, benefits_merchantterm, "
            "benefits_vouchercampaign_merchants, benefits_vouchercampaign, benefits_merchant, benefits_membercard, "
            "benefits_cardproduct CASCADE"
        )
    return card_product_create(
        actor=user, org=county, data=ProductFields(name="基准会员服务卡", kind="service", self_apply=False)
    )


def _issue(product: Any, user: Any) -> tuple[int, float, float]:
    """(cards issued, seconds by rule, seconds for the peer's bulk_create of as many rows)."""
    from django.db import connection

    from gonghui.benefits.models import MemberCard
    from gonghui.benefits.services import ProductFields, card_product_create, cards_issue_by_rule, new_card_number

    started = time.perf_counter()
    issued = cards_issue_by_rule(actor=user, product=product)
    ours = time.perf_counter() - started
    scratch = card_product_create(
        actor=user, org=product.org, data=ProductFields(name="基准对照卡", kind="tour", self_apply=False)
    )
    rows = list(MemberCard.objects.filter(product=product).values_list("person_id", "membership_id", "org_id"))
    today = dt.date.today()
    cards = [
        MemberCard(
            product=scratch,
            person_id=p,
            membership_id=m,
            org_id=o,
            number=new_card_number(),
            status="active",
            valid_from=today,
            valid_until=today,
        )
        for p, m, o in rows
    ]
    started = time.perf_counter()
    MemberCard.objects.bulk_create(cards, batch_size=5_000)
    peer = time.perf_counter() - started
    MemberCard.objects.filter(product=scratch).delete()
    scratch.delete()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE benefits_membercard")
    return issued, ours, peer


def _shops(product: Any, user: Any) -> list[str]:
    """MERCHANTS approved merchants with the product's terms; TILLS cashiers with merchant tokens."""
    from django.db import connection

    from gonghui.accounts.models import UserKind
    from gonghui.accounts.services import api_token_issue, partner_account
    from gonghui.benefits.models import Merchant, MerchantStaff, MerchantTerm
    from gonghui.orgs.demo import demo_uscc

    today = dt.date.today()
    shops = Merchant.objects.bulk_create(
        [
            Merchant(
                org=product.org,
                name=f"基准特惠商户{i:04d}",
                uscc=demo_uscc("92", "320900", f"基准特惠商户{i:04d}"),
                category="food",
                address="基准路",
                agreement_from=today - dt.timedelta(days=30),
                agreement_until=today + dt.timedelta(days=300),
                status="approved",
                created_by=user,
            )
            for i in range(MERCHANTS)
        ]
    )
    MerchantTerm.objects.bulk_create(
        [MerchantTerm(merchant=m, product=product, percent_off=Decimal(10), text="九折") for m in shops]
    )
    tokens = []
    for i, shop in enumerate(shops[:TILLS]):
        account = partner_account(kind=UserKind.MERCHANT, display_name=f"收银{i}")
        MerchantStaff.objects.create(merchant=shop, name=f"收银{i}", mobile=f"1350000{i:04d}", user=account)
        tokens.append(api_token_issue(user=account, name="bench till").secret)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_bare_redeem (id bigserial PRIMARY KEY, key text, token text, amount text)"
        )
        cursor.execute("TRUNCATE bench_bare_redeem")
        cursor.execute("VACUUM ANALYZE benefits_merchant, benefits_merchantterm, benefits_membercard")
    return tokens


def _card_tokens(product: Any) -> Path:
    from gonghui.benefits.models import MemberCard
    from gonghui.members.card import card_token
    from gonghui.members.models import Membership

    ids = MemberCard.objects.filter(product=product).order_by("?").values_list("membership_id", flat=True)[:60_000]
    path = Path(tempfile.gettempdir()) / "gonghui-bench-cards.txt"
    path.write_text("\n".join(card_token(Membership(pk=m)) for m in ids) + "\n", encoding="utf-8")
    return path


def _redeem(cards: Path, tills: list[str]) -> list[tuple[dict[str, float], dict[str, float]]]:
    env = {"REDEEM_CARDS": str(cards), "REDEEM_TILLS": ",".join(tills)}

    def run(path: str, n: int, duration: str | None = None) -> dict[str, float]:
        extra = {**env, "REDEEM_RUN": str(n), "REDEEM_OFFSET": str(n * BLOCK)}
        return _wrk(path, n, duration or "20s", script="redeem.lua", env=extra)

    run("/api/v1/benefits/redemptions", 0, WARMUP)
    run("/bench/bare-redeem", 0, WARMUP)
    return [(run("/api/v1/benefits/redemptions", n), run("/bench/bare-redeem", n)) for n in range(1, ROUNDS + 1)]


def run() -> list[Result]:
    from django.contrib.auth import get_user_model

    from gonghui.benefits.models import MemberCard, Redemption

    user = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.create_superuser(
        "bench-benefits", password=None
    )
    county = _county()
    product = _reset(county, user)
    issued, seconds, peer_seconds = _issue(product, user)
    tills = _shops(product, user)
    cards = _card_tokens(product)
    os.environ["CARD_TOKEN_SECONDS"] = "7200"  # noqa: S105 - a lifetime: the tokens are signed before the runs
    server = _server(limits=False)
    try:
        rounds = _redeem(cards, tills)
    finally:
        server.terminate()
        server.wait(10)
    if any(o["errors"] or p["errors"] for o, p in rounds):
        raise RuntimeError(f"requests failed: {rounds}")
    recorded = Redemption.objects.count()
    ours = {key: statistics.median(o[key] for o, _ in rounds) for key in ("rate", "p99")}
    peer = {key: statistics.median(p[key] for _, p in rounds) for key in ("rate", "p99")}
    spread = ", ".join(f"{o['rate']:.0f}/s p99 {o['p99']:.0f} ms" for o, _ in rounds)
    holders = MemberCard.objects.count()
    scale = (
        f"median of {ROUNDS} interleaved rounds ({spread}); {holders:,} cards held, {MERCHANTS:,} merchants, "
        f"{TILLS} tills; {recorded:,} redemptions recorded; gunicorn {WORKERS} sync workers, wrk 16 connections "
        "× 20 s, 2 cores shared; 1,000,000 members"
    )
    issue_scale = f"{issued:,} members of {county.name} (1,000,000 members in all); peer: bulk_create of as many rows"
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    database = _database_label()
    bare = "bare one-INSERT Django view"
    rate, peer_rate = issued / seconds, issued / peer_seconds
    return [
        Result("card_issue_per_s", round(rate), "cards/s", "≥ 10,000", "Django bulk_create of the rows",
               round(peer_rate), round(rate / peer_rate, 3), issue_scale, database, at),
        Result("redemption_per_s", ours["rate"], "sales/s", "≥ 0.5× peer", bare, peer["rate"],
               round(ours["rate"] / peer["rate"], 3), scale, database, at),
        Result("redemption_p99", ours["p99"], "ms (p99)", "≤ 50", bare, peer["p99"],
               round(ours["p99"] / peer["p99"], 3), scale, database, at),
    ]  # fmt: skip


def main(*, rebuild: bool = False) -> None:
    from bench import members_list, tree
    from bench.harness import report

    tree.build(rebuild)
    members_list.build(rebuild)
    report("benefits", run())
