"""GB/T 2260 region table loading (used by the data migration and by tests that flush the database)."""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "regions_gb2260.csv"


def load_regions(region_model: Any) -> int:
    """Insert every region not yet present; returns how many rows the file holds."""
    with DATA.open(encoding="utf-8") as fh:
        rows = [
            region_model(
                code=r["code"],
                name=r["name"],
                lng=float(r["lng"]) if r["lng"] else None,
                lat=float(r["lat"]) if r["lat"] else None,
            )
            for r in csv.DictReader(fh)
        ]
    region_model.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return len(rows)


_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@functools.cache
def _names() -> dict[str, str]:
    # GB/T 2260 changes a few times a year at most; one read per process is enough.
    with DATA.open(encoding="utf-8") as fh:
        return {r["code"]: r["name"] for r in csv.DictReader(fh)}


def full_name(code: str) -> str:
    """江苏省 盐城市 大丰区 for 320904: province, prefecture and county names."""
    names = _names()
    parts = []
    for key in dict.fromkeys((code[:2] + "0000", code[:4] + "00", code)):
        name = names.get(key, "")
        if name and name not in _PLACEHOLDERS:
            parts.append(name)
    return " ".join(parts) or code
