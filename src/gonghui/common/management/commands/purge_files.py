"""Delete uploads and result files past their keeping time (the job worker also does this hourly)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gonghui.common.file_purge import files_purge


class Command(BaseCommand):
    help = "Delete roster uploads and job result files that are no longer needed."

    def handle(self, *args: Any, **options: Any) -> None:
        purged = files_purge()
        self.stdout.write(f"purged {purged.uploads} uploads, {purged.results} result files")
