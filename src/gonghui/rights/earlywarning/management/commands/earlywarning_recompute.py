"""Recompute every enterprise's warning score and level (cron: nightly); safe to re-run."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gonghui.rights.earlywarning.choices import Trigger
from gonghui.rights.earlywarning.recompute import levels_recompute


class Command(BaseCommand):
    help = "Recompute every enterprise's labour-relations warning level; levels rising to orange/red open warnings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="hand it to the job worker instead")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from gonghui.rights.earlywarning.tasks import recompute_levels

            recompute_levels.enqueue()
            self.stdout.write("Recompute enqueued.")
            return
        started = time.perf_counter()
        run = levels_recompute(trigger=Trigger.COMMAND)
        self.stdout.write(
            f"{run.enterprises} enterprises, {run.changed} levels changed, {run.opened} warnings opened "
            f"in {time.perf_counter() - started:.1f} s."
        )
