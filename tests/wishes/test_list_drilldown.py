"""The wish list honours what the 微心愿 figures link with (issue 19): a union's subtree (`under`, in scope), a
status group and the days the wishes were posted (`start`, `end`), the day every 微心愿 figure counts by; its
total (and the value of the wishes it holds) is the figure's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.common.figures import Period
from gonghui.reports.periods import quarter_period
from gonghui.wishes.figures import wishes_figures
from gonghui.wishes.models import Wish
from tests.factories import Tree, today
from tests.orgs.drilldown import PERIODS, client_of, follow, found
from tests.wishes.factories import make_wish

LIST = reverse("wishes:list")


def posted(org: Any, poster: Any, status: str, when: dt.datetime, value: int = 100) -> Wish:
    wish = make_wish(org, poster, status=status, value=Decimal(value))
    Wish.objects.filter(pk=wish.pk).update(created_at=timezone.make_aware(when))
    return wish


@pytest.fixture
def wishes(tree: Tree) -> Tree:
    """Last year's third quarter, by posting time (Asia/Shanghai), hand-counted:
    城关: open 1 July 00:30, claimed 15 August, fulfilled 30 September 23:30 (80 yuan), received 2 September (50);
    富水: fulfilled 10 July (200), pending 1 August, withdrawn 3 August.
    Outside the quarter: 城关 received 30 June 23:30 and open 1 October 00:10; 泰安 (outside the county) fulfilled
    in August. This year (the 累计 period): 城关 open and fulfilled (70), 富水 claimed, today."""
    y, c = today().year - 1, tree.cadre
    posted(tree.union, c, "open", dt.datetime(y, 7, 1, 0, 30))
    posted(tree.union, c, "claimed", dt.datetime(y, 8, 15, 10))
    posted(tree.union, c, "fulfilled", dt.datetime(y, 9, 30, 23, 30), 80)
    posted(tree.union, c, "received", dt.datetime(y, 9, 2, 9), 50)
    posted(tree.other, c, "fulfilled", dt.datetime(y, 7, 10, 9), 200)
    posted(tree.other, c, "pending", dt.datetime(y, 8, 1, 9))
    posted(tree.other, c, "withdrawn", dt.datetime(y, 8, 3, 9))
    posted(tree.union, c, "received", dt.datetime(y, 6, 30, 23, 30), 500)
    posted(tree.union, c, "open", dt.datetime(y, 10, 1, 0, 10))
    posted(tree.stranger, c, "fulfilled", dt.datetime(y, 8, 8, 9), 900)
    make_wish(tree.union, c, status="open")
    make_wish(tree.union, c, status="fulfilled", value=Decimal(70))
    make_wish(tree.other, c, status="claimed")
    return tree


@pytest.mark.parametrize("period", PERIODS.values(), ids=PERIODS.keys())
def test_each_figures_link_lists_the_wishes_it_counts(wishes: Tree, period: Any) -> None:
    span: Period = period()
    client = client_of(wishes.cadre)
    for org in (wishes.county, wishes.union):
        for figure in wishes_figures(org, span):
            page = follow(client, figure.url)
            if figure.key == "wishes_value":  # yuan: the list of the wishes summed, and their sum
                assert f"预估价值合计 {figure.value:,.2f} 元" in page, (figure.key, org.name)
            else:
                assert found(page) == figure.value, (figure.key, org.name, figure.url)
            assert "start=" in figure.url and "year=" not in figure.url


def test_the_quarters_figures_are_the_hand_counted_ones(wishes: Tree) -> None:
    county = {f.key: f.value for f in wishes_figures(wishes.county, quarter_period(today().year - 1, 3))}
    assert county == {
        "wishes_posted": 7,
        "wishes_open": 1,
        "wishes_claimed": 4,
        "wishes_fulfilled": 3,
        "wishes_value": Decimal(330),
    }
    union = {f.key: f.value for f in wishes_figures(wishes.union, quarter_period(today().year - 1, 3))}
    assert union["wishes_posted"] == 4 and union["wishes_value"] == Decimal(130)


def test_a_year_still_lists_the_years_wishes(wishes: Tree) -> None:
    page = follow(client_of(wishes.cadre), LIST, under=wishes.county.code, year=today().year - 1)
    assert found(page) == 9  # the county's, 30 June and 1 October too, not 泰安's


def test_a_search_keeps_the_drill_down(wishes: Tree) -> None:
    figure = wishes_figures(wishes.county, quarter_period(today().year - 1, 3))[0]
    page = follow(client_of(wishes.cadre), figure.url)
    q3 = quarter_period(today().year - 1, 3)
    assert f'name="under" value="{wishes.county.code}"' in page
    assert f'name="start" value="{q3.start.isoformat()}"' in page and f'name="end" value="{q3.end.isoformat()}"' in page


def test_a_union_outside_the_scope_is_refused(wishes: Tree) -> None:
    outsider, union_cadre = client_of(wishes.outsider), client_of(wishes.union_cadre)
    response = outsider.get(LIST, {"under": wishes.county.code, "start": "2025-01-01"})
    assert response.status_code == 404 and "不在您的管理范围内" in response.content.decode()
    assert union_cadre.get(LIST, {"under": wishes.other.code}).status_code == 404  # a sibling union
    assert union_cadre.get(LIST, {"under": "no-such-union"}).status_code == 404


BAD_DATES = [("2026-13-40", "", "有效的日期"), ("2026-05-01", "2026-04-01", "截止日期不能早于起始日期")]


@pytest.mark.parametrize(("start", "end", "error"), BAD_DATES)
def test_bad_dates_list_nothing_and_say_why(wishes: Tree, start: str, end: str, error: str) -> None:
    page = follow(client_of(wishes.cadre), LIST, under=wishes.county.code, start=start, end=end)
    assert error in page and 'id="filter-errors"' in page and found(page) == 0
