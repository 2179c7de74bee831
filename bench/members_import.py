"""Issue 3: roster import throughput on PostgreSQL, against two peers in the same run.

- ours: `roster_import` end to end — xlsx bytes in, people and memberships committed, with per-row
  validation (GB 11643 checksum, mobile, dates, choices), AES-GCM sealing, HMAC, pinyin keys and dedup;
- peer: django-import-export 4.4 in its fastest bulk mode (use_bulk, skip_diff, force_init_instance),
  importing the same rows into Person only (no memberships, only model-level handling), on a subset;
- floor: a bare COPY of the same raw rows into an unlogged table of text columns.
Target (issue 3): ≥ 20,000 rows/s for 1,000,000 rows; aim ≥ 10× django-import-export.
"""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

from bench.harness import Result, report, throughput

CACHE = Path(__file__).resolve().parent / ".cache"
NAMES = [
    a + b
    for a in "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    for b in ("建国", "志强", "秀英", "海燕", "立新", "保柱", "晓峰", "春梅", "国庆", "红霞")
]


def _id(i: int) -> str:
    import datetime as dt

    from gonghui.common.idcard import check_char

    birth = dt.date(1960, 1, 1) + dt.timedelta(days=i // 1000)
    first17 = f"320904{birth:%Y%m%d}{i % 1000:03d}"
    return first17 + check_char(first17)


def raw_rows(n: int) -> list[list[Any]]:
    return [
        [NAMES[i % len(NAMES)], _id(i), f"13{i % 10}{i:08d}"[:11], "2024-05-01", "货车司机", f"草堰村{i % 40}"]
        for i in range(n)
    ]


HEADER = ["姓名", "身份证号", "手机号", "入会日期", "用工形式", "所在村（社区）"]


def roster_file(n: int) -> bytes:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"roster-{n}.xlsx"
    if not path.exists():
        from openpyxl import Workbook

        print(f"writing a {n:,}-row roster to {path.name} (once) ...")
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(["大丰区货车司机工会联合会会员花名册"])
        sheet.append(HEADER)
        for row in raw_rows(n):
            sheet.append(row)
        workbook.save(path)
    return path.read_bytes()


def _reset() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE members_membershipevent, members_transfer, members_membership, members_person CASCADE")
        cursor.execute("UPDATE orgs_orgnode SET member_count = 0 WHERE code = 'bench-import'")


def _target_org() -> Any:
    from gonghui.orgs.kinds import OrgKind
    from gonghui.orgs.models import OrgNode

    existing = OrgNode.objects.filter(code="bench-import").first()
    if existing:
        return existing
    root = OrgNode.objects.get(code="b-1")
    node = OrgNode(code="bench-import", name="基准导入工会", kind=OrgKind.SECTOR_FED, region_id="320904")
    return OrgNode.objects.add_child(root, instance=node)


def run_ours(n: int) -> tuple[int, float]:
    from django.contrib.auth import get_user_model

    from gonghui.members.importer.pipeline import roster_import

    data = roster_file(n)
    admin, _ = get_user_model().objects.get_or_create(username="bench-admin", defaults={"is_superuser": True})
    org = _target_org()
    _reset()
    started = time.perf_counter()
    result = roster_import(actor=admin, org=org, source=data, filename="roster.xlsx")
    seconds = time.perf_counter() - started
    assert result.imported == n, result.summary()
    return n, seconds


def run_import_export(n: int) -> tuple[int, float]:
    import tablib
    from import_export import resources

    from gonghui.members.models import Person

    class PersonResource(resources.ModelResource):
        class Meta:
            model = Person
            fields = ("name", "id_number", "mobile", "village")
            import_id_fields: list[str] = []
            use_bulk = True
            batch_size = 2000
            skip_diff = True
            force_init_instance = True

    _reset()
    rows = raw_rows(n)
    started = time.perf_counter()
    # Reading the file is part of the job: tablib loads xlsx through openpyxl.
    dataset = tablib.Dataset().load(io.BytesIO(_small_file(rows)), format="xlsx")
    dataset.headers = ["name", "id_number", "mobile", "joined", "form", "village"]
    result = PersonResource().import_data(dataset, dry_run=False, raise_errors=True)
    seconds = time.perf_counter() - started
    assert not result.has_errors()
    return n, seconds


def _small_file(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_copy(n: int) -> tuple[int, float]:
    from django.db import connection

    rows = raw_rows(n)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_raw_roster")
        cursor.execute(
            "CREATE UNLOGGED TABLE bench_raw_roster (name text, id text, mobile text, joined text, "
            "form text, village text)"
        )
        with cursor.connection.cursor().copy("COPY bench_raw_roster FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    seconds = time.perf_counter() - started
    return n, seconds


def run(rows: int, peer_rows: int) -> list[Result]:
    scale = f"{rows:,} rows (django-import-export on {peer_rows:,})"
    ours_rows, ours_seconds = run_ours(rows)
    peer = run_import_export(peer_rows)
    floor = run_copy(rows)
    _reset()
    return [
        throughput(
            "import_rows_per_s",
            ours_rows,
            ours_seconds,
            target="≥ 20000",
            scale=scale,
            peer="django-import-export 4.4 bulk (Person only)",
            peer_rows=peer[0],
            peer_seconds=peer[1],
        ),
        throughput(
            "import_vs_bare_copy",
            ours_rows,
            ours_seconds,
            target="-",
            scale=scale,
            peer="bare COPY of raw text rows",
            peer_rows=floor[0],
            peer_seconds=floor[1],
        ),
    ]


def main(rows: int = 1_000_000, peer_rows: int = 50_000) -> None:
    report("members_import", run(rows, peer_rows))
