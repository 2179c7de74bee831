"""Walk every URL pattern and API operation; report the ones without an access decision."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from ninja import NinjaAPI

from gonghui.common.access import PARTNER, PUBLIC, STAFF, WORKER, access_of
from tests.permissions.registry import Case
from tests.world import World

# URL namespaces checked elsewhere: the API by operation, the Django admin by its superuser-only test.
DELEGATED_NAMESPACES = {"api": "API operations are walked one by one", "admin": "superuser-only, see test_admin"}


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    callback: Any
    namespace: str


def iter_routes(resolver: URLResolver | None = None, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = ":".join(filter(None, [namespace, entry.namespace or ""]))
            yield from iter_routes(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or "")
            yield Route(name, prefix + str(entry.pattern), entry.callback, namespace)


def iter_operations(api: NinjaAPI) -> Iterator[tuple[str, Any]]:
    # Bound routers hold the operations as served, with the API-level auth applied.
    for router in api._get_bound_routers():
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                yield f"api:{operation.operation_id}", operation


def find_gaps(cases: dict[str, Case], api: NinjaAPI, resolver: URLResolver | None = None) -> list[str]:
    """Every problem found: unmarked views, staff views or API operations with no permission case."""
    problems: list[str] = []
    for route in iter_routes(resolver):
        top = route.namespace.split(":")[0]
        if top in DELEGATED_NAMESPACES:
            continue
        marker = access_of(route.callback)
        if marker is None:
            problems.append(f"{route.pattern} ({route.name or 'unnamed'}): view has no access marker")
        elif marker in (STAFF, WORKER, PARTNER) and route.name not in cases:
            where = "tests/permissions/registry.py"
            problems.append(f"{route.pattern} ({route.name}): {marker} view has no case in {where}")
        elif marker not in (STAFF, WORKER, PARTNER, PUBLIC):
            problems.append(f"{route.pattern}: unknown access marker {marker!r}")
    for op_id, operation in iter_operations(api):
        if not operation.auth_callbacks and access_of(operation.view_func) != PUBLIC:
            problems.append(f"{op_id}: API operation has no authentication and is not marked public")
        if op_id not in cases:
            problems.append(f"{op_id}: API operation has no case in tests/permissions/registry.py")
    return problems


def _url(case: Case, world: World) -> str:
    url = reverse(case.name, kwargs={k: str(v) for k, v in case.kwargs(world).items()})
    return url


def probe(case: Case, persona: str, world: World) -> str | None:
    """Call the case as `persona`; return a description of what went wrong, or None."""
    client = Client()
    headers: dict[str, str] = dict(case.headers)
    if persona != "anonymous":
        if case.is_api and persona in world.tokens:
            headers["Authorization"] = f"Bearer {world.tokens[persona]}"
        else:  # browser pages; and a worker, who has no API token, tries the API with their session
            client.force_login(world.users[persona])
    url = _url(case, world)
    method = getattr(client, "post" if case.method == "form" else case.method)
    kwargs: dict[str, Any] = {"headers": headers}
    if case.query:
        kwargs["QUERY_STRING"] = urlencode(case.query(world))
    if case.data is not None and case.method == "form":
        kwargs["data"] = case.data(world)  # a browser form post
    elif case.data is not None:
        kwargs.update(data=json.dumps(case.data(world)), content_type="application/json")
    response = method(url, **kwargs)
    status = response.status_code
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    if persona == "anonymous" and persona not in case.allowed:
        expected = {401} if case.is_api else {302}
        if status not in expected or (status == 302 and case.login_path not in response["Location"]):
            return f"{case.name} as anonymous: expected login/401, got {status}"
        return None
    if persona in case.allowed:
        if status not in case.ok:
            return f"{case.name} as {persona}: expected {sorted(case.ok)}, got {status}: {text[:300]}"
        return None
    if status in (401, 403, 404) or (status == 302 and case.login_path in response.get("Location", "")):
        return None
    marker = case.marker(world) if case.marker else None
    if status == 200 and marker is not None and marker not in text:
        return None
    return f"{case.name} as {persona}: out-of-scope user got {status}" + (
        f" and saw {marker!r}" if marker and marker in text else ""
    )
