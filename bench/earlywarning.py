"""劳动关系预警: the scheduled recompute of 100,000 enterprises as one job, on PostgreSQL.

100 grassroots unions under one federation (with a scheme of its own, and a 维权专员 on five of the unions),
100,000 enterprises; 30,000 of them with two readings of one or two indicators (裁员, 社保欠缴, 超时加班;
about 80,000 rows over 500 days: the later reading counts when it is within the year), 2,000 法治体检 with 4,000
rectification items, so that about 7 % of the enterprises reach 橙 or 红 and open warnings.

Measured: the cold run (no levels yet: 100,000 rows upserted and every warning opened, target ≤ 60 s) and the
re-run (nothing changed: the same reads, no writes). Peer, measured in the same run on the same rows: one SQL
statement that reads the same enterprises and their latest entries and open items in a single GROUP BY and
sums them (what a hand-written report would do, without writing anything). Ratio = ours / peer in rows/s.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from typing import Any

from bench.harness import Result, report, throughput

ROOT = "bench-earlywarning"
ENTERPRISES = 100_000
UNIONS = 100
SCALE = "100,000 enterprises × ~80,000 entries and 4,000 rectification items; one job"


def _built(root: Any) -> bool:
    from gonghui.orgs.models import Enterprise

    return Enterprise.objects.filter(union__path__startswith=root.path).count() >= ENTERPRISES


def build(*, rebuild: bool = False) -> Any:
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.utils import timezone

    from gonghui.orgs.kinds import OrgKind
    from gonghui.orgs.models import Enterprise, OrgNode, StaffRole
    from gonghui.rights.earlywarning.models import (
        Checkup,
        EarlyWarning,
        EnterpriseLevel,
        Finding,
        IndicatorEntry,
        Rectification,
        Scheme,
    )
    from gonghui.rights.earlywarning.scoring import DEFAULT

    root = OrgNode.objects.filter(code=ROOT).first()
    if root is not None and not rebuild and _built(root):
        return root
    started = time.perf_counter()
    rng = random.Random(18)
    today = timezone.localdate()
    User = get_user_model()
    admin = User.objects.filter(username="bench-ew-admin").first() or User.objects.create(
        username="bench-ew-admin", is_superuser=True
    )
    with transaction.atomic():
        if root is not None:
            under = {"org__path__startswith": root.path}
            EarlyWarning.objects.filter(**under).delete()
            EnterpriseLevel.objects.filter(**under).delete()
            Checkup.objects.filter(**under).delete()
            IndicatorEntry.objects.filter(**under).delete()
            Enterprise.objects.filter(union__path__startswith=root.path).delete()
        else:
            root = OrgNode.objects.add_root(
                instance=OrgNode(code=ROOT, name="预警基准测试总工会", kind=OrgKind.FED_CITY, region_id="370400")
            )
        unions = list(OrgNode.objects.filter(path__startswith=root.path, depth=root.depth + 1))
        for n in range(len(unions), UNIONS):
            root.refresh_from_db()
            unions.append(
                root.add_child(  # type: ignore[attr-defined]
                    code=f"{ROOT}-{n:03d}", name=f"预警基准基层工会{n:03d}", kind=OrgKind.GRASSROOTS, region_id="370400"
                )
            )
        weights = {f"w_{k}": v for k, v in DEFAULT.weights.items()}
        Scheme.objects.update_or_create(
            org=root, defaults={**weights, "blue": 10, "yellow": 20, "orange": 40, "red": 60, "updated_by": admin}
        )
        for union in unions[:5]:
            cadre, _ = User.objects.get_or_create(username=f"bench-ew-rights-{union.code}")
            StaffRole.objects.get_or_create(user=cadre, org=union, role="rights")
        Enterprise.objects.bulk_create(
            (
                Enterprise(
                    name=f"预警基准企业{i:06d}", uscc=f"91BENCHEW{i:09d}", industry="C", employee_count=50 + i % 900,
                    region_id="370400", union=unions[i % UNIONS],
                )
                for i in range(ENTERPRISES)
            ),
            batch_size=5000,
        )  # fmt: skip
        firms = list(
            Enterprise.objects.filter(union__path__startswith=root.path).order_by("pk").values_list("pk", "union_id")
        )
        entries = []
        for pk, union_id in rng.sample(firms, 30_000):
            for kind in rng.sample(["layoffs", "social_insurance", "overtime"], rng.choice((1, 1, 2))):
                for ago in sorted(rng.sample(range(1, 500), 2)):  # two readings: the later one counts, if recent
                    value = rng.choice((0, 1, 2, 3, 5, 8)) if kind != "layoffs" else rng.choice((0, 10, 40, 90))
                    entries.append(
                        IndicatorEntry(
                            enterprise_id=pk, org_id=union_id, kind=kind, value=value,
                            as_of=today - dt.timedelta(days=ago), entered_by=admin,
                        )
                    )  # fmt: skip
        IndicatorEntry.objects.bulk_create(entries, batch_size=5000)
        checked = rng.sample(firms, 2_000)
        checkups = Checkup.objects.bulk_create(
            Checkup(enterprise_id=pk, org_id=u, visited_on=today - dt.timedelta(days=rng.randint(1, 300)),
                    team="基准法律服务团", created_by=admin)
            for pk, u in checked
        )  # fmt: skip
        findings = Finding.objects.bulk_create(
            Finding(checkup=c, item=item, result="problem", sort=n)
            for c in checkups
            for n, item in enumerate(("工资支付", "工时休假"))
        )
        Rectification.objects.bulk_create(
            Rectification(checkup_id=f.checkup_id, finding=f, requirement="整改", deadline=today) for f in findings
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE orgs_enterprise, earlywarning_indicatorentry, earlywarning_rectification, earlywarning_checkup"
        )
    print(f"built {len(firms):,} enterprises, {len(entries):,} entries in {time.perf_counter() - started:.0f} s")
    return root


PEER_SQL = """
SELECT e.id, COALESCE(x.score, 0) + 3 * COALESCE(r.n, 0)
FROM orgs_enterprise e JOIN orgs_orgnode o ON o.id = e.union_id
LEFT JOIN (
    SELECT enterprise_id, SUM(value * CASE kind WHEN 'layoffs' THEN 0.5 ELSE 5 END) AS score
    FROM (SELECT DISTINCT ON (enterprise_id, kind) enterprise_id, kind, value
          FROM earlywarning_indicatorentry WHERE as_of BETWEEN %s AND %s
          ORDER BY enterprise_id, kind, as_of DESC) latest
    GROUP BY enterprise_id
) x ON x.enterprise_id = e.id
LEFT JOIN (
    SELECT c.enterprise_id, COUNT(*) AS n FROM earlywarning_rectification t
    JOIN earlywarning_checkup c ON c.id = t.checkup_id WHERE t.status = 'open' GROUP BY c.enterprise_id
) r ON r.enterprise_id = e.id
WHERE o.path LIKE %s
"""


def _peer(root: Any) -> float:
    from django.db import connection
    from django.utils import timezone

    today = timezone.localdate()
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(PEER_SQL, [today - dt.timedelta(days=365), today, root.path + "%"])
        rows = cursor.fetchall()
    assert len(rows) == ENTERPRISES, len(rows)
    return time.perf_counter() - started


def run(*, rebuild: bool = False) -> list[Result]:
    from gonghui.rights.earlywarning.choices import Trigger
    from gonghui.rights.earlywarning.models import EarlyWarning, EnterpriseLevel
    from gonghui.rights.earlywarning.recompute import levels_recompute

    root = build(rebuild=rebuild)
    paths = [root.path]
    EarlyWarning.objects.filter(org__path__startswith=root.path).delete()
    EnterpriseLevel.objects.filter(org__path__startswith=root.path).delete()
    started = time.perf_counter()
    cold = levels_recompute(trigger=Trigger.SCHEDULE, paths=paths)
    cold_s = time.perf_counter() - started
    started = time.perf_counter()
    again = levels_recompute(trigger=Trigger.SCHEDULE, paths=paths)
    again_s = time.perf_counter() - started
    assert cold.enterprises == ENTERPRISES and cold.changed == ENTERPRISES and again.changed == 0 and again.opened == 0
    print(f"cold: {cold_s:.1f} s, {cold.opened:,} warnings opened; re-run: {again_s:.1f} s")
    peer_s = min(_peer(root) for _ in range(3))
    peer = "one SQL GROUP BY of the same enterprises' latest entries and open items (read only)"
    target = "≥ 1,667 (100k in ≤ 60 s)"
    return [
        throughput("recompute_cold_100k", ENTERPRISES, cold_s, target=target, scale=SCALE, peer=peer,
                   peer_rows=ENTERPRISES, peer_seconds=peer_s),
        throughput("recompute_rerun_100k", ENTERPRISES, again_s, target=target, scale=SCALE, peer=peer,
                   peer_rows=ENTERPRISES, peer_seconds=peer_s),
    ]  # fmt: skip


def main(*, rebuild: bool = False) -> None:
    report("earlywarning", run(rebuild=rebuild))
