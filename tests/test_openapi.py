"""The committed OpenAPI schema (docs/openapi.json) must match the code. Update: `make openapi`."""

import json
from pathlib import Path

from gonghui.api import api

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def test_committed_schema_matches_the_code() -> None:
    current = api.get_openapi_schema(path_prefix="/api/v1/")
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(current)), "OpenAPI schema drifted: run `make openapi` and commit"


def test_schema_is_served(client: object) -> None:
    response = client.get("/api/v1/openapi.json")  # type: ignore[attr-defined]
    assert response.status_code == 200 and "/api/v1/orgs" in response.json()["paths"]
