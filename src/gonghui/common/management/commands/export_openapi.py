"""Print the API's OpenAPI schema (committed as docs/openapi.json, checked by a test)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand
from django.urls import resolve


class Command(BaseCommand):
    help = "Print the OpenAPI schema of /api/v1/ as JSON."

    def handle(self, *args: Any, **options: Any) -> None:
        # The API the URLconf serves, found through it: common sits below the apps the API is made of.
        api = resolve("/api/v1/openapi.json").func.keywords["api"]  # type: ignore[attr-defined]
        schema = api.get_openapi_schema(path_prefix="/api/v1/")
        self.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True))
