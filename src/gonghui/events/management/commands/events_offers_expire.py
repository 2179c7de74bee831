"""Lapse waiting-list offers past their deadline and pass each place on. Safe to run any time (cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gonghui.events.signups import offers_expire


class Command(BaseCommand):
    help = "Lapse expired waiting-list offers and offer the places to the next in line (safe to re-run)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{offers_expire()} offers lapsed")
