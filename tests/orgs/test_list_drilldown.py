"""The union list and the enterprise list honour what the 组织建设 figures link with (issue 19): `under` (a
union's subtree, in scope), kinds, active unions, without 工会小组, set up within start/end; enterprises
registered by `end`. On the hand-counted tree of tests/orgs/test_figures.py (`bodies`)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from gonghui.orgs.figures import orgs_figures
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from gonghui.reports.periods import quarter_period, to_date_period, year_period
from tests.factories import UserFactory, grant, make_org
from tests.orgs.drilldown import client_of, follow, found
from tests.orgs.figures_fixtures import FigureTree
from tests.orgs.test_figures import bodies  # noqa: F401  (the hand-counted tree)

TREE, ENTERPRISES = reverse("orgs:tree"), reverse("orgs:enterprises")
GRASSROOTS = f"{OrgKind.GRASSROOTS},{OrgKind.JOINT}"


@pytest.fixture
def cadre(bodies: FigureTree) -> Any:  # noqa: F811
    user = UserFactory(username="f-city-admin")
    grant(user, bodies.city, Role.READONLY)
    return user


@pytest.mark.parametrize(
    "period", [lambda y: year_period(y), lambda y: quarter_period(y, 1), lambda y: to_date_period(y + 1)]
)
def test_each_figure_lists_what_it_counts(bodies: FigureTree, cadre: Any, period: Any) -> None:  # noqa: F811
    """Each figure's own link, followed as it is: the stocks stand at the period's end (active bodies set up by
    then, `end`), the new ones were set up in the period (start/end), the enterprises registered by its end."""
    client, span = client_of(cadre), period(bodies.year)
    checked = 0
    for figure in orgs_figures(bodies.county, span):
        page = follow(client, figure.url)
        assert "丙基层工会" not in page  # the sibling county's union
        if figure.key == "orgs_enterprise_workers":
            assert f"登记职工 {figure.value} 人" in page, figure.key
        else:
            assert found(page) == figure.value, (figure.key, figure.url)
        checked += 1
    assert checked == len(OrgKind) + 6


def test_the_figures_of_a_quarter_count_something_to_list(bodies: FigureTree) -> None:  # noqa: F811
    """So that following the links proves something: the first quarter has a new union (a, 15 March) and
    standing ones; last year's third a joint union (1 July), the year so far today's union."""
    q1 = {f.key: f.value for f in orgs_figures(bodies.county, quarter_period(bodies.year, 1))}
    assert (q1["orgs_total"], q1["orgs_new"], q1["orgs_new_grassroots"], q1["orgs_enterprises"]) == (3, 1, 1, 2)
    q3 = {f.key: f.value for f in orgs_figures(bodies.county, quarter_period(bodies.year, 3))}
    assert (q3["orgs_new"], q3["orgs_kind_joint"], q3["orgs_kind_group"]) == (1, 1, 1)
    now = {f.key: f for f in orgs_figures(bodies.county, to_date_period(bodies.year + 1))}
    assert now["orgs_new"].value == 1 and "active=1" not in now["orgs_new"].url  # a new body counts even if closed
    assert "start=" not in now["orgs_total"].url and "active=1" in now["orgs_total"].url


def test_a_union_lists_its_own_subtree_and_not_its_sibling(bodies: FigureTree, cadre: Any) -> None:  # noqa: F811
    client = client_of(cadre)
    page = follow(client, f"{TREE}?under={bodies.a.code}")
    assert found(page) == 2 and "一班组" in page and "乙基层工会" not in page  # a and its 工会小组
    assert found(follow(client, f"{TREE}?under={bodies.a.code}", groups="0")) == 1
    county = follow(client, f"{TREE}?under={bodies.county.code}", kind=OrgKind.GRASSROOTS)
    assert found(county) == 4 and "已撤销基层工会" in county  # a, b, the closed one and today's
    assert found(follow(client, f"{TREE}?under={bodies.county.code}", kind=OrgKind.GRASSROOTS, active="1")) == 3
    searched = follow(client, f"{TREE}?under={bodies.county.code}", q="乙")
    assert found(searched) == 1 and 'name="under" value="f-county"' in searched  # a search stays in the county
    enterprises = follow(client, f"{ENTERPRISES}?under={bodies.a.code}")
    assert found(enterprises) == 2 and "登记职工 150 人" in enterprises
    assert found(follow(client, f"{ENTERPRISES}?under={bodies.s.code}")) == 1


@pytest.mark.parametrize("url", [TREE, ENTERPRISES])
@pytest.mark.parametrize("code", ["f-sibling", "f-s", "no-such-union"])
def test_a_union_outside_the_scope_is_refused(bodies: FigureTree, url: str, code: str) -> None:  # noqa: F811
    county_cadre = UserFactory(username="f-county-admin")
    grant(county_cadre, bodies.county)
    response = client_of(county_cadre).get(url, {"under": code})
    assert response.status_code == 404
    assert f"找不到“{code}”，或它不在您的管理范围内。" in response.content.decode()


def test_bad_input_lists_nothing_and_says_why(bodies: FigureTree, cadre: Any) -> None:  # noqa: F811
    client = client_of(cadre)
    page = follow(client, f"{TREE}?under={bodies.county.code}", kind="grassroots,nation")
    assert "没有这种组织类型：nation。" in page and found(page) == 0
    page = follow(client, f"{TREE}?under={bodies.county.code}", start="2026-03-01", end="2026-02-01")
    assert "截止日期不能早于起始日期。" in page and found(page) == 0
    page = follow(client, f"{TREE}?under={bodies.county.code}&active=1", start="2026-13-40")
    assert "有效的日期" in page and found(page) == 0
    page = follow(client, f"{ENTERPRISES}?under={bodies.county.code}", end="yesterday")
    assert "有效的日期" in page and found(page) == 0


def test_the_narrowed_lists_queries_do_not_grow(
    bodies: FigureTree,  # noqa: F811
    cadre: Any,
    django_assert_max_num_queries: Any,
) -> None:
    client = client_of(cadre)
    urls = [f"{TREE}?under={bodies.county.code}&kind={GRASSROOTS}&active=1", f"{ENTERPRISES}?under=f-county"]
    for url in urls:
        client.get(url)
    counted = []
    for url in urls:
        with django_assert_max_num_queries(12) as few:
            client.get(url)
        counted.append(len(few.captured_queries))
    for n in range(30):
        make_org(f"批量基层工会{n}", parent=bodies.b)
    for url, before in zip(urls, counted, strict=True):
        with django_assert_max_num_queries(before):
            client.get(url)
    assert found(follow(client, urls[0])) == 34  # a, b, the joint union, today's and the 30 new ones
