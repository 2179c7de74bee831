"""`manage.py org_counters`: repair each union's member count from its memberships; `--check` only reports."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gonghui.members.counters import member_counts_drift, member_counts_repair


class Command(BaseCommand):
    help = "Recount each union's active members; with --check, report drift and exit 1 instead of repairing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="report drift, change nothing, exit 1 if any")

    def handle(self, *args: Any, **options: Any) -> None:
        drift = member_counts_drift() if options["check"] else member_counts_repair()
        for row in drift[:50]:
            self.stdout.write(f"{row.code}: kept {row.kept}, counted {row.counted}")
        if options["check"] and drift:
            raise CommandError(f"{len(drift)} union(s) with a member count that differs from their memberships")
        verb = "repaired" if drift else "all counts match"
        self.stdout.write(self.style.SUCCESS(f"{verb}: {len(drift)} union(s)" if drift else verb))
