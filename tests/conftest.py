from __future__ import annotations

import os

import pytest
from django.db import connection
from hypothesis import settings as hypothesis_settings

from tests.factories import Tree
from tests.world import World, build_world

IN_CI = os.environ.get("CI", "").lower() == "true"

# Property tests check what the code does, not how fast: on a shared two-core machine Hypothesis's 200 ms
# deadline failed an ID-card example whose first call loaded the time-zone data.
hypothesis_settings.register_profile("gonghui", deadline=None)
hypothesis_settings.load_profile("gonghui")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """PostgreSQL-only tests run in the PostgreSQL pass and are deselected (not skipped) on SQLite."""
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    keep, drop = [], []
    for item in items:
        (drop if item.get_closest_marker("postgres") and not on_postgres else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def tree(db: None) -> Tree:
    """商南县总工会 with two grassroots unions and their cadres, and 泰安 beside it (see tests/factories.py)."""
    return Tree()


@pytest.fixture
def vendor(db: None) -> str:
    return connection.vendor


@pytest.fixture
def regions(transactional_db: None) -> None:
    """Transactional tests flush every table, including the regions a data migration loaded."""
    from gonghui.orgs.models import Region
    from gonghui.orgs.regions import load_regions

    load_regions(Region)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Throttles and caches start empty in every test."""
    from django.core.cache import cache

    from gonghui.accounts.services import forget_tokens
    from gonghui.benefits.merchant_staff import forget_staff
    from gonghui.benefits.merchants import forget_terms
    from gonghui.events.selectors import forget_doors

    cache.clear()
    forget_tokens()  # the processes' short-lived memories of API tokens and event doors
    forget_doors()
    forget_terms()  # and of merchants' discount terms and cashiers
    forget_staff()
