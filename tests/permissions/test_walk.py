"""The shared permission test: every URL and API operation, five personas."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import clear_url_caches, get_resolver

from gonghui.api import api
from tests.permissions.registry import CASES, Case
from tests.permissions.walk import find_gaps, probe
from tests.world import PERSONAS, World


def test_every_view_and_operation_has_an_access_decision() -> None:
    assert find_gaps(CASES, api) == []


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_scope_holds(world: World, name: str, persona: str) -> None:
    assert probe(CASES[name], persona, world) is None


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
def test_probe_catches_a_view_that_skips_the_scope(world: World) -> None:
    clear_url_caches()
    try:
        leaky = Case("leaky:all_orgs", marker=lambda w: w.union_a.name)
        assert probe(leaky, "owner", world) is None
        problem = probe(leaky, "sibling", world)
        assert problem is not None and "saw" in problem
    finally:
        clear_url_caches()


def test_admin_is_for_superusers_only(world: World) -> None:
    client = Client()
    owner = world.users["owner"]
    owner.is_staff = True  # even with Django's staff flag, a union admin may not use the admin site
    owner.save()
    client.force_login(owner)
    response = client.get("/admin/orgs/orgnode/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
