"""The shared permission test: every URL and API operation, eight personas."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import clear_url_caches, get_resolver

from gonghui.api import api
from tests.permissions.registry import CASES, Case
from tests.permissions.walk import find_gaps, probe
from tests.world import PERSONAS, World, build_world


def test_every_view_and_operation_has_an_access_decision() -> None:
    assert find_gaps(CASES, api) == []


@pytest.fixture(scope="module")
def shared_world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    """One World for the whole walk (thousands of probes; building it takes about 0.14 s): built once in a
    transaction that is rolled back after the module. Each probe runs in a savepoint inside it (the `db`
    fixture), so whatever a probe writes is undone before the next."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_scope_holds(shared_world: World, db: None, name: str, persona: str) -> None:
    assert probe(CASES[name], persona, shared_world) is None


def test_cases_name_real_routes() -> None:
    from tests.permissions.walk import iter_operations, iter_routes

    known = {r.name for r in iter_routes()} | {op_id for op_id, _ in iter_operations(api)}
    assert sorted(set(CASES) - known) == []


# --- the test of the test -------------------------------------------------------


@override_settings(ROOT_URLCONF="tests.permissions.leaky_urls")
def test_walk_catches_an_unmarked_view() -> None:
    clear_url_caches()
    try:
        problems = find_gaps(CASES, api, get_resolver("tests.permissions.leaky_urls"))
    finally:
        clear_url_caches()
    assert any("leaky/unmarked/" in p and "no access marker" in p for p in problems)
    assert any("leaky:all_orgs" in p and "no case" in p for p in problems)


@override_settings(ROOT_URLCONF="tests.permissions.leaky_urls")
def test_probe_catches_a_view_that_skips_the_scope(shared_world: World, db: None) -> None:
    world = shared_world
    clear_url_caches()
    try:
        leaky = Case("leaky:all_orgs", marker=lambda w: w.union_a.name)
        assert probe(leaky, "owner", world) is None
        problem = probe(leaky, "sibling", world)
        assert problem is not None and "saw" in problem
    finally:
        clear_url_caches()


def test_admin_is_for_superusers_only(shared_world: World, db: None) -> None:
    client = Client()
    owner = type(shared_world.users["owner"]).objects.get(pk=shared_world.users["owner"].pk)  # a copy: rolled back
    owner.is_staff = True  # even with Django's staff flag, a union admin may not use the admin site
    owner.save()
    client.force_login(owner)
    response = client.get("/admin/orgs/orgnode/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
