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


def test_schema_names_are_not_shared_by_different_shapes() -> None:
    """Two API modules that both define, say, `CardOut` share one component in the schema: the second silently
    replaces the first, and clients read the wrong shape. Same-named schemas must be the same shape."""
    from ninja import Schema

    import gonghui.api  # noqa: F401 - every router (and so every schema) is imported

    def subclasses(cls: type) -> list[type]:
        found = []
        for sub in cls.__subclasses__():
            found += [sub, *subclasses(sub)]
        return found

    shapes: dict[str, dict] = {}
    clashes = []
    for schema in subclasses(Schema):
        if not schema.__module__.startswith("gonghui."):
            continue
        shape = schema.model_json_schema()
        shape.pop("title", None)
        # The enums and schemas it nests become components too: an enum named like another module's
        # (two `Stage`s) would replace it just the same.
        parts = {schema.__name__: shape, **shape.pop("$defs", {})}
        for name, part in parts.items():
            part = {k: v for k, v in part.items() if k not in ("title", "description", "$defs")}
            earlier = shapes.setdefault(name, part)
            if earlier != part:
                clashes.append(f"{schema.__module__}: {name}")
    assert sorted(set(clashes)) == []
