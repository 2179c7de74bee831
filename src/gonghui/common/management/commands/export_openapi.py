"""Print the API's OpenAPI schema (committed as docs/openapi.json, checked by a test)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print the OpenAPI schema of /api/v1/ as JSON."

    def handle(self, *args: Any, **options: Any) -> None:
        from gonghui.api import api

        schema = api.get_openapi_schema(path_prefix="/api/v1/")
        self.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True))
