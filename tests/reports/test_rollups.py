"""Stored figure sheets: values that read back as they were stored, freshness, the one-query reads behind the
dashboard, the refresh (each union on its own) and the drift check.

The probe registry (tests/reports/probe_figures.py) stands in for the domains. The fixture, counted by hand, is
last year (Y), so every period in it has ended:

    商南县总工会 (county)      1 join on Y-03-01
    ├── 城关基层工会 (union)    2 joins on Y-03-10, 1 on Y-04-02
    └── 富水基层工会 (other)    1 join on Y-03-20; the union's first member left it (joined there two years ago)
    泰安市总工会 (stranger)     1 join on Y-03-15, never counted under the county

county: joins 5, people 5 (the one in both unions once), amount ¥2.50; union 3 / 3; other 1 / 2 (share 50.0).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode
from gonghui.reports.models import FigureValue
from gonghui.reports.periods import month_period, periods_current, quarter_period, to_date_period, year_period
from gonghui.reports.rollups import decode, encode, refresh_periods, store_key
from gonghui.reports.selectors import (
    child_breakdown,
    figure_sheets,
    figure_values,
    figures_at,
    figures_compared,
    trends_at,
)
from tests.factories import Tree, make_org, today
from tests.reports.probe_figures import (  # noqa: F401 - the `probe` and `counted` fixtures
    DEFINITIONS,
    Fixture,
    Probe,
    counted_fixture,
    join,
    probe_fixture,
)

pytestmark = pytest.mark.django_db


def values(sheet: Any) -> dict[str, Any]:
    return {key: f.value for key, f in sheet.by_key().items()}


def row(org: OrgNode, key: str) -> FigureValue:
    return FigureValue.objects.get(org=org, period=key)


def age(org: OrgNode, key: str, **delta: float) -> None:
    """Make a stored sheet look as if it was counted that long ago."""
    FigureValue.objects.filter(org=org, period=key).update(computed_at=timezone.now() - dt.timedelta(**delta))


# --- values and the first read ---------------------------------------------------------------------------------


def test_values_read_back_as_the_types_they_were(tree: Tree) -> None:
    stored = {
        "n": 7,
        "yuan": Decimal("1234.50"),
        "share": 33.3,
        "none": None,
        "big": 10**12,
        "series": [1, Decimal("2.5")],
    }
    FigureValue.objects.create(
        org=tree.county,
        period="2025",
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        computed_at=timezone.now(),
        values={key: encode(value) for key, value in stored.items()},
    )
    back = {key: decode(raw) for key, raw in FigureValue.objects.get().values.items()}
    assert back == stored
    assert [type(back[k]) for k in ("n", "yuan", "share", "none", "big")] == [int, Decimal, float, type(None), int]
    assert str(back["yuan"]) == "1234.50" and type(back["series"][1]) is Decimal
    with pytest.raises(TypeError):
        encode("七")


def test_the_first_read_counts_and_stores_and_the_next_reads_the_stored_sheet(counted: Fixture, probe: Probe) -> None:
    county, cadre, year = counted.tree.county, counted.tree.cadre, counted.year
    sheet = figures_at(cadre, county, year_period(year))
    expected = {"probe_joins": 5, "probe_people": 5, "probe_amount": Decimal("2.50"), "probe_share": 100.0}
    assert values(sheet) == {**expected, "probe_unions": 3}
    assert FigureValue.objects.filter(org=county, period=str(year)).count() == 1
    calls = len(probe.calls)
    with CaptureQueriesContext(connection) as queries:
        again = figures_at(cadre, county, year_period(year))
    assert len(queries) == 1 and len(probe.calls) == calls  # one read of the stored row; nothing counted
    assert values(again) == values(sheet) and again.computed_at == row(county, str(year)).computed_at
    stored = again.by_key()["probe_joins"]
    assert (stored.label, stored.unit, stored.definition, stored.rollup) == (
        "测试新入会",
        "人",
        "本期申请入会的人数（按申请时间）。",
        "sum",
    )
    assert stored.url == f"/members/?under={county.code}&year={year}" and not again.stale


def test_a_union_outside_the_scope_is_not_found(counted: Fixture) -> None:
    from django.http import Http404

    with pytest.raises(Http404):
        figures_at(counted.tree.outsider, counted.tree.county, year_period(counted.year))
    with pytest.raises(Http404):
        child_breakdown(counted.tree.union_cadre, counted.tree.county, year_period(counted.year))
    assert not FigureValue.objects.exists()


def test_targets_are_stored_with_the_values(counted: Fixture, probe: Probe) -> None:
    probe.targets[counted.tree.county.code] = 8
    figures_at(counted.tree.cadre, counted.tree.county, year_period(counted.year))
    line = figures_compared(counted.tree.cadre, counted.tree.county, year_period(counted.year)).by_key()["probe_joins"]
    assert row(counted.tree.county, str(counted.year)).targets == {"probe_joins": 8}
    assert (line.figure.target, line.completion) == (8, 62.5)  # 5 of 8


# --- freshness -------------------------------------------------------------------------------------------------


def test_a_past_period_counted_after_it_ended_never_goes_stale(counted: Fixture, probe: Probe) -> None:
    county, year = counted.tree.county, counted.year
    figures_at(counted.tree.cadre, county, month_period(year, 3))
    age(county, f"{year}-03", days=200)  # long after March ended
    join(counted.tree.union, 8, dt.date(year, 3, 31))  # a late entry: only the drift check will see it
    sheet = figures_at(counted.tree.cadre, county, month_period(year, 3))
    assert sheet.by_key()["probe_joins"].value == 4 and not sheet.stale


def test_a_past_period_counted_before_it_ended_is_counted_again(counted: Fixture, probe: Probe) -> None:
    county, year = counted.tree.county, counted.year
    figures_at(counted.tree.cadre, county, year_period(year))
    early = timezone.make_aware(dt.datetime(year, 6, 1, 9))
    FigureValue.objects.filter(org=county).update(computed_at=early)
    join(counted.tree.union, 8, dt.date(year, 11, 2))
    sheet = figures_at(counted.tree.cadre, county, year_period(year))
    assert sheet.by_key()["probe_joins"].value == 6 and sheet.computed_at > early
    assert row(county, str(year)).computed_at == sheet.computed_at


def test_this_periods_sheet_is_counted_again_once_older_than_the_stated_freshness(
    tree: Tree, probe: Probe, settings: Any
) -> None:
    settings.GONGHUI_FIGURES_FRESH_SECONDS = 600
    now = today()
    period, key = to_date_period(now.year, now), f"{now.year}-ytd"
    join(tree.union, 1, now)
    assert figures_at(tree.cadre, tree.county, period).by_key()["probe_joins"].value == 1
    join(tree.union, 2, now)
    assert figures_at(tree.cadre, tree.county, period).by_key()["probe_joins"].value == 1  # fresh: stored
    age(tree.county, key, seconds=601)
    sheet = figures_at(tree.cadre, tree.county, period)
    assert sheet.by_key()["probe_joins"].value == 2 and not sheet.stale
    assert timezone.now() - sheet.computed_at < dt.timedelta(seconds=60)


def test_a_stale_sheet_may_be_taken_as_it_is_with_its_age(tree: Tree, probe: Probe, settings: Any) -> None:
    settings.GONGHUI_FIGURES_FRESH_SECONDS = 600
    now = today()
    period, key = to_date_period(now.year, now), f"{now.year}-ytd"
    join(tree.union, 1, now)
    figures_at(tree.cadre, tree.county, period)
    age(tree.county, key, hours=3)
    join(tree.union, 2, now)
    sheet = figures_at(tree.cadre, tree.county, period, allow_stale=True)
    assert sheet.by_key()["probe_joins"].value == 1 and sheet.stale
    assert sheet.computed_at == row(tree.county, key).computed_at  # the age the page shows
    assert figures_at(tree.cadre, tree.county, period).by_key()["probe_joins"].value == 2  # counted now


def test_yesterdays_year_to_date_is_not_read_as_todays(tree: Tree, probe: Probe) -> None:
    now = today()
    period, key = to_date_period(now.year, now), f"{now.year}-ytd"
    join(tree.union, 1, now)
    figures_at(tree.cadre, tree.county, period)
    FigureValue.objects.filter(period=key).update(
        ends_on=now - dt.timedelta(days=1),
        values={"probe_joins": 0, **{k: 0 for k in ("probe_people", "probe_amount", "probe_share", "probe_unions")}},
    )
    assert figures_at(tree.cadre, tree.county, period).by_key()["probe_joins"].value == 1
    assert row(tree.county, key).ends_on == now


def test_a_stored_sheet_without_a_figure_registered_since_is_counted_again(counted: Fixture, probe: Probe) -> None:
    county, year = counted.tree.county, counted.year
    figures_at(counted.tree.cadre, county, year_period(year))
    stored = row(county, str(year))
    stored.values.pop("probe_share")
    stored.save()
    calls = len(probe.calls)
    assert figures_at(counted.tree.cadre, county, year_period(year)).by_key()["probe_share"].value == 100.0
    assert len(probe.calls) == calls + 1 and "probe_share" in row(county, str(year)).values


def test_figures_named_after_the_records_keep_their_order_and_descriptions(counted: Fixture, probe: Probe) -> None:
    """A group whose keys depend on the records (here one per kind of union on record) is not in the catalogue;
    its stored sheet reads back with those figures, in the group's order, described as they were computed."""
    probe.per_kind = True
    county, year = counted.tree.county, counted.year
    counted_now = figures_at(counted.tree.cadre, county, year_period(year))
    calls = len(probe.calls)
    stored = figures_at(counted.tree.cadre, county, year_period(year))
    assert len(probe.calls) == calls  # read from the stored sheet
    yearly = dict(stored.groups)
    shown = [(f.key, f.label, f.value, f.definition, f.rollup) for f in yearly[counted_now.groups[1][0]] or []]
    assert shown == [
        ("probe_kind_grassroots", "测试grassroots", 2, "按类型。", "recount"),
        ("probe_kind_fed_county", "测试fed_county", 1, "按类型。", "recount"),
        ("probe_unions", "测试工会数", 3, DEFINITIONS["probe_unions"], "recount"),
    ]
    assert values(stored) == values(counted_now)
    assert row(county, str(year)).unlisted["order"] == {
        "probe_yearly": ["probe_kind_grassroots", "probe_kind_fed_county", "probe_unions"]
    }


def test_a_quarter_leaves_out_the_groups_counted_by_year(counted: Fixture) -> None:
    county, year = counted.tree.county, counted.year
    for _ in range(2):  # counted, then read from the stored sheet
        sheet = figures_at(counted.tree.cadre, county, quarter_period(year, 1))
        groups = {group.key: figures for group, figures in sheet.groups}
        assert groups["probe_yearly"] is None
        assert [(f.key, f.value) for f in groups["probe"] or []][:2] == [("probe_joins", 4), ("probe_people", 5)]
    assert "probe_unions" not in row(county, f"{year}Q1").values


def test_a_whole_years_to_date_is_stored_as_the_year(counted: Fixture) -> None:
    year = counted.year
    assert store_key(to_date_period(year, dt.date(year + 1, 2, 1))) == str(year)
    figures_at(counted.tree.cadre, counted.tree.county, to_date_period(year, today()))
    assert list(FigureValue.objects.values_list("period", flat=True)) == [str(year)]


# --- many unions, children, trends -----------------------------------------------------------------------------


def test_the_breakdown_lists_the_children_then_the_unions_own_row(counted: Fixture) -> None:
    rows = child_breakdown(counted.tree.cadre, counted.tree.county, year_period(counted.year))
    assert [(r.org.pk, r.own) for r in rows] == [
        (counted.tree.union.pk, False),
        (counted.tree.other.pk, False),
        (counted.tree.county.pk, True),
    ]
    union, other, own = (r.values for r in rows)
    assert (union["probe_joins"], union["probe_people"], union["probe_amount"]) == (3, 3, Decimal("1.50"))
    assert (other["probe_joins"], other["probe_people"], other["probe_share"]) == (1, 2, 50.0)
    # Joins add up: the county's own 1 is its 5 less its children's 4. People do not: 3 + 2 ≠ 5, no own value.
    assert own == {
        "probe_joins": 1,
        "probe_people": None,
        "probe_amount": Decimal("0.50"),
        "probe_share": None,
        "probe_unions": None,
    }


def _dashboard(user: Any, org: OrgNode, year: int) -> None:
    figures_compared(user, org, year_period(year))  # the union's sheet and the same period last year
    child_breakdown(user, org, year_period(year))
    trends_at(user, org, year)


def _warm_queries(user: Any, org: OrgNode, year: int) -> int:
    _dashboard(user, org, year)  # counts and stores what is missing
    with CaptureQueriesContext(connection) as queries:
        _dashboard(user, org, year)
    return len(queries)


def test_a_warm_dashboard_read_takes_the_same_few_queries_whatever_the_number_of_children(counted: Fixture) -> None:
    county, year = counted.tree.county, counted.year
    few = _warm_queries(counted.tree.cadre, county, year)
    for n in range(6):
        make_org(f"商南县新建基层工会{n}", parent=county)
    county.refresh_from_db()
    assert _warm_queries(counted.tree.cadre, county, year) == few
    assert few <= 6  # sheet, 同比 sheet; the union again, its children and their values; trends


def test_the_childrens_missing_sheets_are_counted_and_stored_together(counted: Fixture, probe: Probe) -> None:
    county, year = counted.tree.county, counted.year
    child_breakdown(counted.tree.cadre, county, year_period(year))
    assert set(FigureValue.objects.values_list("org_id", flat=True)) == {
        county.pk,
        counted.tree.union.pk,
        counted.tree.other.pk,
    }
    FigureValue.objects.filter(org=counted.tree.other).delete()
    calls = len(probe.calls)
    child_breakdown(counted.tree.cadre, county, year_period(year))
    assert probe.calls[calls:] == [(counted.tree.other.code, "year")]


def test_trends_are_twelve_months_stored_like_the_sheets(counted: Fixture) -> None:
    county, year = counted.tree.county, counted.year
    assert trends_at(counted.tree.cadre, county, year) == {"probe_joins_monthly": [0, 0, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0]}
    assert row(county, f"{year}-trends").values == {"probe_joins_monthly": [0, 0, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0]}
    with CaptureQueriesContext(connection) as queries:
        assert trends_at(counted.tree.cadre, county, year)["probe_joins_monthly"][2] == 4
    assert len(queries) == 1


def test_many_unions_at_once_only_those_in_scope_in_order(counted: Fixture) -> None:
    everything = OrgNode.objects.order_by("path")
    sheets = figure_sheets(counted.tree.cadre, everything, year_period(counted.year))
    assert [s.org.pk for s in sheets] == [counted.tree.county.pk, counted.tree.union.pk, counted.tree.other.pk]
    assert [s.by_key()["probe_joins"].value for s in sheets] == [5, 3, 1]
    with CaptureQueriesContext(connection) as queries:
        read = figure_values(counted.tree.cadre, everything, year_period(counted.year))
    assert len(queries) == 2  # the unions, their stored values
    assert [(org.pk, v.values["probe_people"]) for org, v in read] == [
        (counted.tree.county.pk, 5),
        (counted.tree.union.pk, 3),
        (counted.tree.other.pk, 2),
    ]


# --- refresh ---------------------------------------------------------------------------------------------------


def _expected_rows() -> int:
    return len({store_key(p) for p in refresh_periods(today())}) + 2  # and this and last year's trends


def test_refresh_stores_every_federations_periods_and_trends_and_is_safe_to_rerun(
    counted: Fixture, capsys: Any
) -> None:
    tree, now = counted.tree, today()
    call_command("reports_refresh")
    assert f"Refreshed 2 unions ({2 * _expected_rows()} sheets)" in capsys.readouterr().out  # never a grassroots one
    by_org = {org: FigureValue.objects.filter(org=org).count() for org in (tree.county, tree.stranger, tree.union)}
    assert by_org == {tree.county: _expected_rows(), tree.stranger: _expected_rows(), tree.union: 0}
    first = {r.period: r.computed_at for r in FigureValue.objects.filter(org=tree.county)}
    call_command("reports_refresh")
    # Again: the sheets of periods under way (this year so far, year, quarter, month) and this year's trends are
    # counted again; those counted after their period ended are left as they are.
    under_way = {store_key(p) for p in periods_current(now)[:4]} | {f"{now.year}-trends"}
    assert f"Refreshed 2 unions ({2 * len(under_way)} sheets)" in capsys.readouterr().out
    assert FigureValue.objects.count() == 2 * _expected_rows()
    again = {r.period: r.computed_at for r in FigureValue.objects.filter(org=tree.county)}
    assert {key for key in again if again[key] > first[key]} == under_way
    call_command("reports_refresh", "--all", "--under", tree.county.code)
    assert all(r.computed_at > again[r.period] for r in FigureValue.objects.filter(org=tree.county))


def test_refresh_under_a_union_and_for_one_period(counted: Fixture) -> None:
    year = counted.year
    call_command("reports_refresh", "--under", counted.tree.county.code, "--period", f"{year}Q1")
    assert list(FigureValue.objects.values_list("org__code", "period")) == [(counted.tree.county.code, f"{year}Q1")]
    assert row(counted.tree.county, f"{year}Q1").values["probe_joins"] == 4


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--under", "no-such-union"], "没有这个工会：no-such-union"),
        (["--period", "2026Q9"], "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
        (["--period", "2999"], "统计期间还没有开始，不能统计将来的数字。"),
    ],
)
def test_refresh_refuses_bad_input_and_stores_nothing(counted: Fixture, args: list[str], reason: str) -> None:
    with pytest.raises(CommandError, match=reason):
        call_command("reports_refresh", *args)
    assert not FigureValue.objects.exists()


def test_a_refresh_that_fails_half_way_keeps_the_unions_previous_values(
    counted: Fixture, probe: Probe, capsys: Any
) -> None:
    tree, now = counted.tree, today()
    call_command("reports_refresh")
    before = {(r.org_id, r.period): (r.computed_at, r.values) for r in FigureValue.objects.all()}
    join(tree.union, 8, now)
    join(tree.stranger, 9, now)
    probe.fail_for = {tree.county.code}  # the county's count dies; the city after it is refreshed
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_code:
        call_command("reports_refresh")
    assert exit_code.value.code == 1
    out = capsys.readouterr()
    assert "Refreshed 1 unions" in out.out and f"Failed: {tree.county.code}" in out.err
    for stored in FigureValue.objects.filter(org=tree.county):
        assert before[(tree.county.pk, stored.period)] == (stored.computed_at, stored.values)
    city, key = row(tree.stranger, str(now.year)), str(now.year)
    assert city.values["probe_joins"] == 1 and city.computed_at > before[(tree.stranger.pk, key)][0]


def test_the_refresh_task_runs_the_same_refresh(counted: Fixture) -> None:
    call_command("reports_refresh", "--enqueue", "--under", counted.tree.county.code)  # the tests' immediate backend
    assert set(FigureValue.objects.values_list("org_id", flat=True)) == {counted.tree.county.pk}


# --- drift -----------------------------------------------------------------------------------------------------


def test_drift_lists_a_value_changed_by_hand_and_a_late_record_and_repair_stores_the_recount(
    counted: Fixture, capsys: Any
) -> None:
    county, year = counted.tree.county, counted.year
    figures_at(counted.tree.cadre, county, year_period(year))
    figures_at(counted.tree.cadre, county, month_period(year, 3))
    FigureValue.objects.filter(org=county, period=str(year)).update(
        values={**row(county, str(year)).values, "probe_amount": "9.99"}
    )
    join(counted.tree.other, 8, dt.date(year, 3, 30))  # entered late, after March's sheet was counted
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_code:
        call_command("reports_drift")
    assert exit_code.value.code == 1
    lines = capsys.readouterr().out.splitlines()
    name = f"{county.code} {county.name}"
    assert lines[:-1] == [
        f"{name} {year} probe_joins: 5 → 6",
        f"{name} {year} probe_people: 5 → 6",
        f"{name} {year} probe_amount: 9.99 → 3.00",
        f"{name} {year}-03 probe_joins: 4 → 5",
        f"{name} {year}-03 probe_people: 5 → 6",
        f"{name} {year}-03 probe_amount: 2.00 → 2.50",
        f"{name} {year}-03 probe_share: 80.0 → 83.3",
    ]
    assert lines[-1].startswith('{"drifted": 7, "sheets": 2, "repaired": false}')
    assert row(county, str(year)).values["probe_amount"] == "9.99"  # a check changes nothing
    call_command("reports_drift", "--repair")
    assert row(county, str(year)).values["probe_amount"] == "3.00"
    assert figures_at(counted.tree.cadre, county, month_period(year, 3)).by_key()["probe_joins"].value == 5
    capsys.readouterr()
    call_command("reports_drift")  # nothing left: exits 0
    assert capsys.readouterr().out.startswith('{"drifted": 0, "sheets": 0')


def test_drift_finds_targets_and_trends_and_narrows_to_a_union_and_period(
    counted: Fixture, probe: Probe, capsys: Any
) -> None:
    tree, year = counted.tree, counted.year
    figures_at(tree.cadre, tree.union, year_period(year))
    trends_at(tree.cadre, tree.county, year)
    probe.targets[tree.union.code] = 4
    FigureValue.objects.filter(period=f"{year}-trends").update(values={"probe_joins_monthly": [0] * 12})
    capsys.readouterr()
    with pytest.raises(SystemExit):
        call_command("reports_drift", "--under", tree.union.code)
    assert capsys.readouterr().out.splitlines()[:-1] == [
        f"{tree.union.code} {tree.union.name} {year} probe_joins (target): None → 4"
    ]
    with pytest.raises(SystemExit):
        call_command("reports_drift", "--period", f"{year}-trends")
    out = capsys.readouterr().out.splitlines()
    assert out[:-1] == [
        f"{tree.county.code} {tree.county.name} {year}-trends probe_joins_monthly: "
        f"{[0] * 12} → [0, 0, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0]"
    ]
    call_command("reports_drift", "--repair")
    assert row(tree.county, f"{year}-trends").values["probe_joins_monthly"][2] == 4
    assert row(tree.union, str(year)).targets == {"probe_joins": 4}


def test_only_federations_are_refreshed(tree: Tree, probe: Probe) -> None:
    joint = make_org("商南县联合基层工会", parent=tree.county, kind=OrgKind.JOINT)
    call_command("reports_refresh", "--period", str(today().year))
    assert set(FigureValue.objects.values_list("org_id", flat=True)) == {tree.county.pk, tree.stranger.pk}
    assert not FigureValue.objects.filter(org=joint).exists()
