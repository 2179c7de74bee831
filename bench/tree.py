"""Issue 2 targets on a 20,000-node tree with 1,000,000 member rows (PostgreSQL).

- subtree member-count roll-up for all nodes ≤ 150 ms; peer: counting the member rows
  (GROUP BY org_id over 1M rows, same path roll-up) instead of the per-node counters;
- one node's count ≤ 15 ms; peer: count(*) of member rows under the node's path;
- moving a 1,700-node subtree ≤ 50 ms with gonghui's org_move (tree lock, checks, audit);
  peer: treebeard's bare move() of the same subtree.
"""

from __future__ import annotations

import io
import random
from collections import defaultdict
from typing import Any

from bench.harness import Result, measure, report, result

STEP = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
FULL_COUNTIES, TOWNS, UNIONS = 11, 17, 99  # each full county subtree: 1 + 17 × (1 + 99) = 1,701 nodes
SMALL_TOWNS, SMALL_UNIONS = 13, 98  # a twelfth county of 1,288 nodes brings the tree to 20,000
MEMBERS = 1_000_000
SCALE = "20,000 org nodes (4 levels), 1,000,000 member rows"


def _step(i: int) -> str:
    digits = ""
    while True:
        i, r = divmod(i, 36)
        digits = ALPHABET[r] + digits
        if not i:
            break
    return digits.rjust(STEP, "0")


def _tree_rows() -> list[tuple[Any, ...]]:
    """(path, depth, numchild, code, name, kind) for the main tree and a second city root."""
    rows: list[tuple[Any, ...]] = []
    n = 0

    def add(path: str, numchild: int, kind: str, name: str) -> None:
        nonlocal n
        n += 1
        rows.append((path, len(path) // STEP, numchild, f"b-{n}", name, kind))

    root = _step(1)
    add(root, FULL_COUNTIES + 1, "fed_city", "基准市总工会")
    for c in range(1, FULL_COUNTIES + 2):
        towns, unions = (TOWNS, UNIONS) if c <= FULL_COUNTIES else (SMALL_TOWNS, SMALL_UNIONS)
        county = root + _step(c)
        add(county, towns, "fed_county", f"基准县总工会{c}")
        for t in range(1, towns + 1):
            town = county + _step(t)
            add(town, unions, "town", f"基准镇总工会{c}-{t}")
            for u in range(1, unions + 1):
                add(town + _step(u), 0, "grassroots", f"基准基层工会{c}-{t}-{u}")
    add(_step(2), 0, "fed_city", "基准市总工会（第二）")
    return rows


def _count_bench_members(cursor: Any) -> None:
    """The counters member services keep (each node's direct member count), from this bench's member rows."""
    cursor.execute("UPDATE orgs_orgnode SET member_count = 0 WHERE member_count <> 0")
    cursor.execute(
        "UPDATE orgs_orgnode o SET member_count = c.n FROM "
        "(SELECT org_id, count(*) AS n FROM bench_member GROUP BY org_id) c WHERE o.id = c.org_id"
    )


def build(rebuild: bool) -> None:
    from django.db import connection

    from gonghui.orgs.models import OrgNode

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('bench_member') IS NOT NULL")
        have_members = cursor.fetchone()[0]
    if not rebuild and have_members and OrgNode.objects.filter(code__startswith="b-").count() == 20_001:
        print("reusing the bench tree already in the database (pass --rebuild to rebuild)")
        with connection.cursor() as cursor:
            _count_bench_members(cursor)  # other benches' real joins and approvals moved the counters since
        return
    print("building 20,000 org nodes and 1,000,000 member rows ...")
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_member")
        cursor.execute("DELETE FROM orgs_orgnode WHERE code LIKE 'b-%%'")
        columns = "path, depth, numchild, code, name, kind, region_id, uscc, address, chair_name, is_active, "
        columns += "member_count, name_simplified, name_pinyin, name_initials, created_at, updated_at"
        with cursor.connection.cursor().copy(f"COPY orgs_orgnode ({columns}) FROM STDIN") as copy:
            for path, depth, numchild, code, name, kind in _tree_rows():
                copy.write_row(
                    (
                        path,
                        depth,
                        numchild,
                        code,
                        name,
                        kind,
                        "320904",
                        "",
                        "",
                        "",
                        True,
                        0,
                        name,
                        "",
                        "",
                        "2024-01-01",
                        "2024-01-01",
                    )
                )
        # Member rows hold only the org id (DESIGN.md); the members app is a later issue.
        cursor.execute("CREATE UNLOGGED TABLE bench_member (id bigserial PRIMARY KEY, org_id bigint NOT NULL)")
        cursor.execute("SELECT id FROM orgs_orgnode WHERE code LIKE 'b-%%' AND kind = 'grassroots'")
        unions = [row[0] for row in cursor.fetchall()]
        rng = random.Random(2260)
        buffer = io.StringIO("".join(f"{rng.choice(unions)}\n" for _ in range(MEMBERS)))
        with cursor.connection.cursor().copy("COPY bench_member (org_id) FROM STDIN") as copy:
            copy.write(buffer.getvalue())
        cursor.execute("CREATE INDEX bench_member_org ON bench_member (org_id)")
        _count_bench_members(cursor)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE orgs_orgnode")
        cursor.execute("ANALYZE bench_member")


def peer_rollup_from_rows() -> dict[int, int]:
    """No counters: count member rows per org, then the same path roll-up."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT org_id, count(*) FROM bench_member GROUP BY org_id")
        direct = dict(cursor.fetchall())
        cursor.execute("SELECT id, path FROM orgs_orgnode")
        nodes = cursor.fetchall()
    by_prefix: dict[str, int] = defaultdict(int)
    for pk, path in nodes:
        count = direct.get(pk, 0)
        if count:
            for end in range(STEP, len(path) + 1, STEP):
                by_prefix[path[:end]] += count
    return {pk: by_prefix.get(path, 0) for pk, path in nodes}


def peer_count_one(path: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM bench_member WHERE org_id IN (SELECT id FROM orgs_orgnode WHERE path LIKE %s)",
            [path + "%"],
        )
        return int(cursor.fetchone()[0])


def run(rebuild: bool = False) -> list[Result]:
    from django.contrib.auth import get_user_model

    from gonghui.orgs.counters import subtree_total, subtree_totals
    from gonghui.orgs.models import OrgNode
    from gonghui.orgs.services import org_move

    build(rebuild)
    root = OrgNode.objects.get(code="b-1")
    county = OrgNode.objects.get(name="基准县总工会1")
    totals = subtree_totals()
    assert totals[root.pk] == MEMBERS == peer_rollup_from_rows()[root.pk], "roll-up disagrees with the member rows"
    assert subtree_total(county) == peer_count_one(county.path)

    results = [
        result(
            "rollup_all_nodes",
            measure(subtree_totals, runs=20),
            target="≤ 150",
            scale=SCALE,
            peer="count(*) of member rows + roll-up",
            peer_timing=measure(peer_rollup_from_rows, runs=5, warmup=1),
        ),
        result(
            "one_node_count_root",
            measure(lambda: subtree_total(root)),
            target="≤ 15",
            scale=SCALE,
            peer="count(*) of member rows under path",
            peer_timing=measure(lambda: peer_count_one(root.path), runs=5),
        ),
        result(
            "one_node_count_county",
            measure(lambda: subtree_total(county)),
            target="≤ 15",
            scale=SCALE,
            peer="count(*) of member rows under path",
            peer_timing=measure(lambda: peer_count_one(county.path)),
        ),
    ]

    admin, _ = get_user_model().objects.get_or_create(username="bench-admin", defaults={"is_superuser": True})
    cities = [root, OrgNode.objects.get(name="基准市总工会（第二）")]
    size = OrgNode.objects.filter(path__startswith=county.path).count()
    flip = {"i": 0}

    def ours() -> None:
        flip["i"] += 1
        org_move(actor=admin, org=county, new_parent=cities[flip["i"] % 2])

    def bare() -> None:
        flip["i"] += 1
        county.refresh_from_db()
        OrgNode.objects.move(county, cities[flip["i"] % 2], pos="last-child")

    results.append(
        result(
            f"move_subtree_{size}_nodes",
            measure(ours, runs=20, warmup=2),
            target="≤ 50",
            scale=SCALE,
            peer="treebeard move() without lock/checks/audit",
            peer_timing=measure(bare, runs=20, warmup=2),
        )
    )
    county.refresh_from_db()
    if not county.path.startswith(root.path):
        OrgNode.objects.move(county, root, pos="last-child")
    return results


def main(rebuild: bool = False) -> None:
    report("tree", run(rebuild))
