"""Text reminders of appointments starting within the next hours; safe to rerun (each is sent once)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gonghui.appointments.services import REMIND_HOURS, reminders_send


class Command(BaseCommand):
    help = "Send SMS reminders of appointments starting within --hours (default 24); each is sent once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--hours", type=int, default=REMIND_HOURS)

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reminders_send(hours=max(1, min(options["hours"], 72)))
        self.stdout.write(f"{sent} reminders sent.")
