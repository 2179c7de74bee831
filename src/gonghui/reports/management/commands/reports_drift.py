"""Recount the stored figure sheets and list what drifted (ADR 0019): python manage.py reports_drift
[--under CODE] [--period KEY] [--repair]

A stored sheet drifts when records change after it was counted — a correction to a past month, a union moved in
the tree. Each difference prints as `union period key: stored → counted`; `--repair` stores the recount. Exits 1
when anything drifted and was not repaired (for monitoring).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gonghui.reports.management.commands.reports_refresh import union_named
from gonghui.reports.rollups import figures_drift


class Command(BaseCommand):
    help = "Recount every stored figure sheet, list the differences, and with --repair store the recount."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--under", default="", help="only the sheets of unions under this union's code")
        parser.add_argument("--period", default="", help="only this stored period key (2026, 2026Q3, 2026-trends …)")
        parser.add_argument("--repair", action="store_true", help="store the recount of each sheet that drifted")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        found = figures_drift(under=union_named(options["under"]), period=options["period"], repair=options["repair"])
        for drift in found:
            what = f"{drift.key} (target)" if drift.target else drift.key
            self.stdout.write(
                f"{drift.org.code} {drift.org.name} {drift.period} {what}: {drift.stored} → {drift.counted}"
            )
        sheets = len({(d.org.pk, d.period) for d in found})
        summary = {"drifted": len(found), "sheets": sheets, "repaired": options["repair"]}
        self.stdout.write(json.dumps(summary) + f" in {time.perf_counter() - started:.1f} s")
        if found and not options["repair"]:
            sys.exit(1)
