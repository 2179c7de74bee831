"""The warnings map's points carry each warning's level as a code, which the stations map colours them by."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from gonghui.rights.earlywarning.choices import Trigger, WarningLevel
from gonghui.rights.earlywarning.map_layer import warning_points
from gonghui.rights.earlywarning.models import EarlyWarning
from gonghui.rights.earlywarning.recompute import levels_recompute
from tests.rights.earlywarning.conftest import enter

pytestmark = pytest.mark.usefixtures("no_cases")


def test_a_point_carries_its_warnings_level(place: SimpleNamespace) -> None:
    enter(place, place.firm, "layoffs", 100)  # 100 laid off: an orange warning
    levels_recompute(trigger=Trigger.COMMAND)
    warning = EarlyWarning.objects.select_related("enterprise", "org").get()
    assert warning.level == WarningLevel.ORANGE
    [point] = warning_points([warning])
    assert point["level"] == "orange" and point["layer"] == "warning"
    assert point["name"] == place.firm.name and "橙色" in point["kind"]
