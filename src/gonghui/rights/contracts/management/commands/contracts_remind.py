"""Expiry reminders of collective contracts (90 and 30 days ahead); safe to rerun (each is sent once)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gonghui.rights.contracts.reminders import reminders_send


class Command(BaseCommand):
    help = "Record (and text) reminders of collective contracts ending within 90 and 30 days; each is sent once."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{reminders_send()} reminders sent.")
