"""GB/T 2260 region table loading (used by the data migration and by tests that flush the database)."""

from __future__ import annotations

import csv
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
