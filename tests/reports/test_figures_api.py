"""The figures API: a union's figures for a period with definitions, targets and 同比; one figure by child
union; the catalogue. Bad input answers with the Chinese reason and stores nothing; a union outside the caller's
scope is not found. Counted by hand from the probe fixture (tests/reports/probe_figures.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from gonghui.orgs.models import OrgNode
from gonghui.reports.models import FigureValue
from tests.factories import make_org, today
from tests.reports.probe_figures import (  # noqa: F401 - the `probe` and `counted` fixtures
    DEFINITIONS,
    Fixture,
    Probe,
    counted_fixture,
    join,
    probe_fixture,
)

pytestmark = pytest.mark.django_db
FIGURES = "/api/v1/reports/figures"


def client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def by_key(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["key"]: row for row in rows}


def test_a_unions_figures_for_a_period_with_definitions_targets_and_last_year(counted: Fixture, probe: Probe) -> None:
    county, year = counted.tree.county, counted.year
    join(counted.tree.union, 10, dt.date(year - 1, 3, 5))  # last year's only join: people are now 6
    probe.targets[county.code] = 8
    response = client_of(counted.tree.cadre).get(FIGURES, {"org_code": county.code, "period": str(year)})
    assert response.status_code == 200
    rows = by_key(response.json())
    assert list(rows) == ["probe_joins", "probe_people", "probe_amount", "probe_share", "probe_unions"]
    joins = rows["probe_joins"]
    computed_at = joins.pop("computed_at")
    assert joins == {
        "group": "probe",
        "key": "probe_joins",
        "label": "测试新入会",
        "value": 5.0,
        "unit": "人",
        "url": f"/members/?under={county.code}&year={year}",
        "definition": DEFINITIONS["probe_joins"],
        "rollup": "sum",
        "period": str(year),
        "target": 8.0,
        "completion": 62.5,
        "last_year": 1.0,
        "change": 400.0,
        "change_unit": "%",
        "stale": False,
    }
    stored_at = FigureValue.objects.get(org=county, period=str(year)).computed_at
    assert abs(dt.datetime.fromisoformat(computed_at) - stored_at) < dt.timedelta(milliseconds=1)  # JSON keeps ms
    share = rows["probe_share"]  # 5 of 6 against 1 of 6: the difference in percentage points
    assert (share["value"], share["last_year"], share["change"], share["change_unit"]) == (83.3, 16.7, 66.6, "个百分点")
    assert (rows["probe_people"]["rollup"], rows["probe_people"]["change"]) == ("recount", 0.0)
    assert (rows["probe_amount"]["value"], rows["probe_amount"]["target"]) == (2.5, None)
    assert rows["probe_unions"]["value"] == 3.0


def test_the_period_defaults_to_this_year_so_far_and_a_year_still_works(counted: Fixture) -> None:
    client, county, year = client_of(counted.tree.cadre), counted.tree.county, counted.year
    now = client.get(FIGURES, {"org_code": county.code}).json()
    assert {row["period"] for row in now} == {f"{today().year}-ytd"}
    then = by_key(client.get(FIGURES, {"org_code": county.code, "year": year}).json())
    assert (then["probe_joins"]["period"], then["probe_joins"]["value"]) == (str(year), 5.0)


def test_a_month_leaves_out_the_figures_counted_by_year(counted: Fixture) -> None:
    rows = client_of(counted.tree.cadre).get(
        FIGURES, {"org_code": counted.tree.county.code, "period": f"{counted.year}-03"}
    )
    assert {row["key"]: row["value"] for row in rows.json()} == {
        "probe_joins": 4.0,
        "probe_people": 5.0,
        "probe_amount": 2.0,
        "probe_share": 80.0,
    }


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"period": "2999"}, "统计期间还没有开始，不能统计将来的数字。"),
        ({"period": "2026Q9"}, "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
        ({"period": "2026-13"}, "月份应在 1 到 12 之间。"),
        ({"period": "1900"}, "统计期间不能早于1949年。"),
        ({"year": 2100}, "统计期间还没有开始，不能统计将来的数字。"),
    ],
)
def test_a_period_that_cannot_be_reported_is_refused_and_nothing_stored(
    counted: Fixture, params: dict[str, Any], reason: str
) -> None:
    response = client_of(counted.tree.cadre).get(FIGURES, {"org_code": counted.tree.county.code, **params})
    assert (response.status_code, response.json()["detail"]) == (422, reason)
    assert not FigureValue.objects.exists()


def test_a_period_before_the_union_was_set_up_is_refused(counted: Fixture) -> None:
    county, year = counted.tree.county, counted.year
    OrgNode.objects.filter(pk=county.pk).update(established_on=dt.date(year, 6, 1))
    client = client_of(counted.tree.cadre)
    response = client.get(FIGURES, {"org_code": county.code, "period": f"{year}Q1"})
    assert (response.status_code, response.json()["detail"]) == (
        422,
        f"该工会{year}-06-01才成立，所选期间早于成立日期。",
    )
    one = client.get(f"{FIGURES}/probe_joins", {"org_code": county.code, "period": f"{year}-05"})
    assert one.status_code == 422 and not FigureValue.objects.exists()
    # The year it was set up in is reported; there is no 同比 for it (the union did not exist the year before).
    rows = by_key(client.get(FIGURES, {"org_code": county.code, "period": str(year)}).json())
    assert (rows["probe_joins"]["value"], rows["probe_joins"]["last_year"], rows["probe_joins"]["change"]) == (
        5.0,
        None,
        None,
    )


def test_a_union_outside_the_scope_is_not_found(counted: Fixture) -> None:
    outsider = client_of(counted.tree.outsider)
    for url in (FIGURES, f"{FIGURES}/probe_joins"):
        response = outsider.get(url, {"org_code": counted.tree.county.code, "period": str(counted.year)})
        assert (response.status_code, response.json()["detail"]) == (404, "未找到，或您无权查看。")
    union_cadre = client_of(counted.tree.union_cadre)  # a grassroots cadre does not see the county above
    assert union_cadre.get(FIGURES, {"org_code": counted.tree.county.code}).status_code == 404
    assert Client().get(FIGURES, {"org_code": counted.tree.county.code}).status_code == 401
    assert not FigureValue.objects.exists()


def test_one_figure_by_child_union_with_the_unions_own_row(counted: Fixture) -> None:
    county, union, other, year = counted.tree.county, counted.tree.union, counted.tree.other, counted.year
    response = client_of(counted.tree.cadre).get(
        f"{FIGURES}/probe_joins", {"org_code": county.code, "period": str(year)}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["key"], body["label"], body["value"], body["periodic"]) == ("probe_joins", "测试新入会", 5.0, True)
    assert (body["definition"], body["period_label"]) == (DEFINITIONS["probe_joins"], f"{year}年度")
    link = lambda org: f"/members/?under={org.code}&year={year}"  # noqa: E731
    assert body["children"] == [
        {"org_code": union.code, "org_name": union.name, "own": False, "value": 3.0, "url": link(union)},
        {"org_code": other.code, "org_name": other.name, "own": False, "value": 1.0, "url": link(other)},
        {"org_code": county.code, "org_name": county.name, "own": True, "value": 1.0, "url": link(county)},
    ]
    people = client_of(counted.tree.cadre).get(
        f"{FIGURES}/probe_people", {"org_code": county.code, "period": str(year)}
    )
    assert [child["value"] for child in people.json()["children"]] == [3.0, 2.0, None]  # distinct people: no own row


def test_a_figure_counted_by_year_has_no_value_for_a_month(counted: Fixture) -> None:
    response = client_of(counted.tree.cadre).get(
        f"{FIGURES}/probe_unions", {"org_code": counted.tree.county.code, "period": f"{counted.year}-03"}
    )
    body = response.json()
    assert (response.status_code, body["value"], body["periodic"], body["label"]) == (200, None, False, "测试工会数")
    assert [child["value"] for child in body["children"]] == [None, None, None]


@pytest.mark.parametrize("key", ["nope", "probe_joins_x"])
def test_an_unknown_figure_key_is_refused_with_its_name(counted: Fixture, key: str) -> None:
    response = client_of(counted.tree.cadre).get(f"{FIGURES}/{key}", {"org_code": counted.tree.county.code})
    assert (response.status_code, response.json()["detail"]) == (422, f"没有这个统计指标：{key}")
    assert not FigureValue.objects.exists()


def test_one_figure_takes_the_same_queries_whatever_the_number_of_children(counted: Fixture) -> None:
    county, client = counted.tree.county, client_of(counted.tree.cadre)
    params = {"org_code": county.code, "period": str(counted.year)}

    def warm_queries() -> int:
        client.get(f"{FIGURES}/probe_joins", params)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{FIGURES}/probe_joins", params).status_code == 200
        return len(queries)

    few = warm_queries()
    for n in range(5):
        make_org(f"商南县新基层工会{n}", parent=county)
    assert warm_queries() == few


def test_the_catalogue_lists_every_figures_definition(counted: Fixture) -> None:
    rows = client_of(counted.tree.union_cadre).get("/api/v1/reports/catalogue").json()
    assert rows[0] == {
        "key": "probe_joins",
        "label": "测试新入会",
        "unit": "人",
        "definition": DEFINITIONS["probe_joins"],
        "group": "probe",
        "group_title": "测试分组",
        "rollup": "sum",
        "periodic": True,
    }
    assert [row["key"] for row in rows] == [
        "probe_joins",
        "probe_people",
        "probe_amount",
        "probe_share",
        "probe_unions",
    ]
    assert Client().get("/api/v1/reports/catalogue").status_code == 401
