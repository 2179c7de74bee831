"""The API under a fuzzer (schemathesis, from the committed-equal OpenAPI schema): every operation, with a
cadre's token, a bounded number of generated requests each. No 5xx, every status documented, every body
as the schema says. FUZZ_EXAMPLES raises the count for a deeper run."""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.world import World

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))


def _fuzz(operation: Any, token: str) -> list[str]:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,  # the same requests on every run: a failure here is a failure in CI too
        database=None,
    )
    def run(case: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}
        case.validate_response(case.call(), checks=CHECKS)

    try:
        run()
    except Exception as exc:
        reasons = [line.strip() for line in str(exc).splitlines() if line.strip().startswith("- ")]
        return [f"{operation.method.upper()} {operation.path}: {' | '.join(reasons) or str(exc)[:300]}"]
    return []


def test_every_operation_survives_the_fuzzer(world: World) -> None:
    # A real WSGI handler closes the database connection after each request; the test's transaction
    # lives on it. Django's own test client keeps it open the same way.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
        failures = [f for result in schema.get_all_operations() for f in _fuzz(result.ok(), world.tokens["owner"])]
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    assert failures == []
