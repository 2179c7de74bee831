"""The figure catalogue: every registered figure described (key, name, unit, definition, group, roll-up rule,
periodic) without any union's numbers, gathered once and again when the registry changes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from gonghui.common import figures as registry
from gonghui.common.figures import Figure, FigureGroup, figure_groups
from gonghui.reports.catalogue import FigureInfo, _nowhere, figure_catalogue, figure_info, group_figure_keys
from gonghui.reports.periods import year_period
from tests.factories import today
from tests.reports.probe_figures import Probe, probe_fixture  # noqa: F401 - the `probe` fixture
from tests.world import World


def test_every_figure_is_described_in_report_order(probe: Probe) -> None:
    catalogue = figure_catalogue()
    assert list(catalogue) == ["probe_joins", "probe_people", "probe_amount", "probe_share", "probe_unions"]
    assert catalogue["probe_joins"] == FigureInfo(
        key="probe_joins",
        label="测试新入会",
        unit="人",
        definition="本期申请入会的人数（按申请时间）。",
        group="probe",
        group_title="测试分组",
        rollup="sum",
        periodic=True,
    )
    unions = figure_info("probe_unions")
    assert (unions.group, unions.rollup, unions.periodic) == ("probe_yearly", "recount", False)


@pytest.mark.parametrize("key", ["nope", "", "probe_joins_x", "PROBE_JOINS"])
def test_an_unknown_key_is_refused_with_its_name(probe: Probe, key: str) -> None:
    with pytest.raises(ValidationError) as refused:
        figure_info(key)
    assert refused.value.messages == [f"没有这个统计指标：{key}"]


def test_gathered_once_and_again_when_the_registry_or_the_language_changes(
    probe: Probe, monkeypatch: pytest.MonkeyPatch
) -> None:
    with CaptureQueriesContext(connection) as queries:
        figure_catalogue()
    assert len(queries) == 0 and probe.calls == []

    def extra(org: object, year: int) -> list[Figure]:
        return [Figure("probe_extra", "后注册的指标", 0, "项", "", "后来注册的测试指标。")]

    monkeypatch.setitem(registry.FIGURE_GROUPS, "probe_extra", FigureGroup("probe_extra", "后注册", extra, order=3))
    assert list(figure_catalogue())[-1] == "probe_extra"
    assert group_figure_keys(registry.FIGURE_GROUPS["probe_extra"]) == ["probe_extra"]
    with translation.override("en"):  # labels may be translated when built: each language has its own
        figure_catalogue()
    assert [code for code, _ in probe.calls] == ["catalogue", "catalogue"]


def test_the_union_it_is_gathered_for_matches_no_record(world: World) -> None:
    """Counted with the World's records all about, every domain's figures for it are nothing: the catalogue
    reads no union's data."""
    nowhere, year = _nowhere(), today().year
    for group in figure_groups():
        for f in group.compute(nowhere, year_period(year) if group.periodic else year):
            assert not f.value, (group.key, f.key, f.value)


def test_every_registered_figure_is_described_as_its_group_computes_it(world: World) -> None:
    """The domains' groups, computed for a real union, give the catalogue's keys in its order with the same
    name, unit, definition and roll-up rule: the catalogue (and a stored sheet read back) can stand in for them.
    A few keys depend on the records (one per station kind on record): those are not listed, and stored sheets
    keep their descriptions (test_rollups)."""
    catalogue = figure_catalogue()
    year = today().year
    for group in figure_groups():
        figures = group.compute(world.town_a, year_period(year) if group.periodic else year)
        assert [f.key for f in figures if f.key in catalogue] == group_figure_keys(group), group.key
        for f in figures:
            assert str(f.definition), f.key
            info = catalogue.get(f.key)
            if info is None:
                continue
            assert (info.label, info.unit, info.definition, info.rollup) == (f.label, f.unit, f.definition, f.rollup)
            assert (info.group, info.periodic) == (group.key, group.periodic)
