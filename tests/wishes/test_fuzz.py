"""The wishes operations under the fuzzer alone (tests/test_api_fuzz.py runs every operation the same way)."""

from __future__ import annotations

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from tests.test_api_fuzz import _fuzz
from tests.world import World


def test_the_wishes_operations_survive_the_fuzzer(world: World) -> None:
    import schemathesis

    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
        operations = [r.ok() for r in schema.get_all_operations()]
        mine = [op for op in operations if op.path.startswith(("/wishes", "/api/v1/wishes"))]
        assert len(mine) == 6
        failures = [f for op in mine for f in _fuzz(op, world.tokens["owner"])]
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    assert failures == []
