"""Check or repair campaigns' coverage tallies against their ledgers: python manage.py campaign_tallies [--check]

The tallies are kept by every approval; this is the nightly reconciliation that proves it (and the
repair after anyone edits payouts in the database by hand). The last line printed is JSON with the
campaigns looked at and those whose tallies drifted; `--check` repairs nothing and exits 1 on drift.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from gonghui.campaigns.models import Campaign
from gonghui.ledger.tallies import tallies_rebuild


class Command(BaseCommand):
    help = "Rebuild campaigns' coverage tallies from their ledgers (or only check them with --check)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--campaign", type=int, action="append", help="campaign id (repeatable; default all)")
        parser.add_argument("--check", action="store_true", help="report drift and exit 1, change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        campaigns = Campaign.objects.order_by("pk")
        if options["campaign"]:
            campaigns = campaigns.filter(pk__in=options["campaign"])
        ids = list(campaigns.values_list("pk", flat=True))
        drifted = [pk for pk in ids if self._rebuild(pk, keep=not options["check"])]
        self.stdout.write(json.dumps({"campaigns": len(ids), "drifted": drifted}))
        if drifted and options["check"]:
            sys.exit(1)

    def _rebuild(self, campaign_id: int, *, keep: bool) -> bool:
        with transaction.atomic():
            changed = tallies_rebuild(campaign_id)
            transaction.set_rollback(not keep)  # a check looks, and leaves the tallies as they were
        return changed
