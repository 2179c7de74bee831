"""Stations on the shared World (tests/world_stations.py adds a 24-hour station of union_a and more)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.world import World


@pytest.fixture
def owner(world: World) -> Any:
    return world.users["owner"]


@pytest.fixture
def station(world: World) -> Any:
    return world.stations.station
