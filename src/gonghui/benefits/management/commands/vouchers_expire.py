"""Mark vouchers past their time as expired and return their places to the budget. Safe to run any time."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gonghui.benefits.vouchers import vouchers_expire


class Command(BaseCommand):
    help = "Expire vouchers past their time and return them to their campaign's budget (safe to re-run)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{vouchers_expire()} vouchers expired")
