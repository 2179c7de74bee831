"""Mark member cards past their period as expired. Safe to run any time (cron, daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gonghui.benefits.services import cards_expire


class Command(BaseCommand):
    help = "Mark member cards past their validity as expired (safe to re-run)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{cards_expire()} cards expired")
