"""Text lawyers whose legal-aid case stage is due; safe to rerun (each stage is texted once)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gonghui.rights.legalaid.reminders import reminders_send


class Command(BaseCommand):
    help = "Send SMS reminders to lawyers whose legal-aid case stage is due tomorrow or overdue; each once."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reminders_send()
        self.stdout.write(f"{sent} reminders sent.")
