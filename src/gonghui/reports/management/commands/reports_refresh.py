"""Count and store the federations' figure sheets (ADR 0019): python manage.py reports_refresh [--under CODE]
[--period KEY] [--all] [--enqueue]

Run it more often than GONGHUI_FIGURES_FRESH_SECONDS (cron, or the job worker with --enqueue) so dashboards read
stored numbers. A sheet counted after its period ended is not counted again (--all, or --period, does: after a
correction; or use reports_drift --repair). Each union is stored in its own transaction: a run that dies leaves
the earlier values, which pages show with their age. Safe to rerun. Exits 1 when any union failed (the others are
refreshed).
"""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import period_parse
from gonghui.reports.rollups import figures_refresh


def union_named(code: str) -> OrgNode | None:
    if not code:
        return None
    org = OrgNode.objects.filter(code=code.strip().lower()).first()
    if org is None:
        raise CommandError(f"没有这个工会：{code}")
    return org


class Command(BaseCommand):
    help = "Count and store every federation's figures for this and last year's periods, and the monthly trends."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--under", default="", help="only the federations under this union's code")
        parser.add_argument("--period", default="", help="only this period (2026, 2026Q3, 2026-07, 2026-ytd)")
        parser.add_argument("--all", action="store_true", help="count again the sheets of periods already ended")
        parser.add_argument("--enqueue", action="store_true", help="hand it to the job worker instead")

    def handle(self, *args: Any, **options: Any) -> None:
        under = union_named(options["under"])
        try:
            periods = [period_parse(options["period"])] if options["period"] else None
        except ValidationError as exc:
            raise CommandError(exc.messages[0]) from exc
        if options["enqueue"]:
            from gonghui.reports.tasks import refresh_figures

            refresh_figures.enqueue(under=options["under"], period=options["period"], everything=options["all"])
            self.stdout.write("Refresh enqueued.")
            return
        started = time.perf_counter()

        def said(org: OrgNode, sheets: int) -> None:
            if options["verbosity"] >= 2:
                self.stdout.write(f"{org.code} {org.name}: {sheets} sheets")

        report = figures_refresh(under=under, periods=periods, everything=options["all"], on_union=said)
        self.stdout.write(
            f"Refreshed {report.unions} unions ({report.sheets} sheets) in {time.perf_counter() - started:.1f} s."
        )
        for code, error in report.failed:
            self.stderr.write(f"Failed: {code}: {error} (its previous values are kept)")
        if report.failed:
            sys.exit(1)
