"""Return wishes whose claim passed its deadline undelivered to the wall. Safe to run any time (cron, hourly)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gonghui.wishes.claims import claims_expire


class Command(BaseCommand):
    help = "Lapse micro-wish claims past their delivery deadline; their wishes go back to the wall (safe to re-run)."

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        while lapsed := claims_expire():  # a call lapses up to a few thousand; go on until none is due
            total += lapsed
        self.stdout.write(f"{total} claims expired")
