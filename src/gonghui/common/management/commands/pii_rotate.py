"""Re-seal personal data under the current key version after a key rotation.

Safe to run again: rows already under the current version are skipped. Runs in
batches, one transaction per batch, so it can be stopped and resumed.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser
from django.db import models, transaction

from gonghui.common.pii_fields import PIIField
from gonghui.common.pii_keys import keyring


def pii_models() -> list[tuple[type[models.Model], list[str]]]:
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, PIIField)]
        if names:
            found.append((model, names))
    return found


class Command(BaseCommand):
    help = "Re-encrypt personal data sealed under older PII key versions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=2000)

    def handle(self, *args: Any, **options: Any) -> None:
        current = keyring().current_version
        for model, fields in pii_models():
            changed = 0
            last_pk: Any = None
            while True:
                qs = model._default_manager.order_by("pk").only("pk", *fields)
                if last_pk is not None:
                    qs = qs.filter(pk__gt=last_pk)
                batch = list(qs[: options["batch"]])
                if not batch:
                    break
                last_pk = batch[-1].pk
                stale = []
                for obj in batch:
                    touched = False
                    for name in fields:
                        value = getattr(obj, name)
                        if value is not None and value.key_version != current:
                            setattr(obj, name, value.resealed())
                            touched = True
                    if touched:
                        stale.append(obj)
                if stale:
                    with transaction.atomic():
                        model._default_manager.bulk_update(stale, fields)
                    changed += len(stale)
            self.stdout.write(f"{model._meta.label}: {changed} row(s) re-sealed under key version {current}")
