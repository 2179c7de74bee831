"""The counts page honours what the 预约服务 figures link with (issue 19): a union's subtree (`under`, in scope),
the days the appointments start (`start`, `end`), a service kind and what the total counts (`status`); its total
(id="found") is the figure's. Numbers only: the page never names a worker or a provider."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.figures import appointment_figures
from gonghui.appointments.models import Appointment, Provider
from gonghui.common.figures import Period
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import quarter_period
from tests.factories import Tree, make_member, today
from tests.orgs.drilldown import PERIODS, client_of, follow, found

COUNTS = reverse("appointments:counts")
DONE, BOOKED, NO_SHOW, CANCELLED = "done", "booked", "no_show", "cancelled"


def provider(org: OrgNode, kind: str, n: int, by: Any) -> Provider:
    return Provider.objects.create(
        org=org, kind=kind, name=f"咨询师{n}", mobile=f"1380000{n:04d}", created_by=by, slot_minutes=50
    )


def book(who: Provider, person: Any, starts: dt.datetime, status: str) -> Appointment:
    at = timezone.make_aware(starts)
    return Appointment.objects.create(
        provider=who, person=person, kind=who.kind, starts_at=at, ends_at=at + dt.timedelta(minutes=50), status=status
    )


@pytest.fixture
def booked(tree: Tree) -> Tree:
    """By the local start, hand-counted. Last year's third quarter: 城关's counsellor done 1 July 00:30, booked
    15 August, no-show 30 September 23:30, cancelled 2 September; 富水's lawyer done 10 July, no-show 20 August,
    cancelled 5 September. Outside it: 城关 done 30 June 23:30 and 1 October 00:10; 泰安's counsellor done in
    August. This year (累计): 城关 booked, 富水 done, today."""
    y, person = today().year - 1, make_member(tree.union, 1, name="李预约").person
    counsellor = provider(tree.union, ServiceKind.COUNSELLING, 1, tree.cadre)
    lawyer = provider(tree.other, ServiceKind.LEGAL, 2, tree.cadre)
    stranger = provider(tree.stranger, ServiceKind.COUNSELLING, 3, tree.cadre)
    for who, starts, status in (
        (counsellor, dt.datetime(y, 7, 1, 0, 30), DONE),
        (counsellor, dt.datetime(y, 8, 15, 10), BOOKED),
        (counsellor, dt.datetime(y, 9, 30, 23, 30), NO_SHOW),
        (counsellor, dt.datetime(y, 9, 2, 10), CANCELLED),
        (lawyer, dt.datetime(y, 7, 10, 10), DONE),
        (lawyer, dt.datetime(y, 8, 20, 10), NO_SHOW),
        (lawyer, dt.datetime(y, 9, 5, 10), CANCELLED),
        (counsellor, dt.datetime(y, 6, 30, 23, 30), DONE),
        (counsellor, dt.datetime(y, 10, 1, 0, 10), DONE),
        (stranger, dt.datetime(y, 8, 8, 10), DONE),
        (counsellor, dt.datetime.combine(today(), dt.time(0, 5)), BOOKED),
        (lawyer, dt.datetime.combine(today(), dt.time(0, 5)), DONE),
    ):
        book(who, person, starts, status)
    return tree


@pytest.mark.parametrize("period", PERIODS.values(), ids=PERIODS.keys())
def test_each_figures_link_counts_what_the_figure_counts(booked: Tree, period: Any) -> None:
    span: Period = period()
    client = client_of(booked.cadre)
    for org in (booked.county, booked.union, booked.other):
        for figure in appointment_figures(org, span):
            page = follow(client, figure.url)
            assert found(page) == figure.value, (figure.key, org.name, figure.url)
            assert "李预约" not in page and "咨询师" not in page  # counts, never who saw whom


def test_the_quarters_figures_are_the_hand_counted_ones(booked: Tree) -> None:
    county = {f.key: f.value for f in appointment_figures(booked.county, quarter_period(today().year - 1, 3))}
    assert county == {
        "appointments": 5,
        "appointments_kind_counselling": 3,
        "appointments_kind_legal": 2,
        "appointments_done": 2,
        "appointments_no_show": 2,
    }


def test_a_union_row_keeps_the_days_and_the_kind(booked: Tree) -> None:
    q3, client = quarter_period(today().year - 1, 3), client_of(booked.cadre)
    url = next(f.url for f in appointment_figures(booked.county, q3) if f.key == "appointments_kind_legal")
    page = follow(client, url)
    assert "富水" in page and "城关基层工会</a>" not in page  # the lawyer is 富水's
    row = f"?under={booked.other.code}&amp;start={q3.start.isoformat()}&amp;end={q3.end.isoformat()}&amp;kind=legal"
    assert row in page
    assert f'name="under" value="{booked.county.code}"' in page  # a new filter stays within the union
    assert 'id="counts-counselling"' not in page and 'id="counts-legal"' in page


def test_a_year_still_counts_the_whole_year(booked: Tree) -> None:
    page = follow(client_of(booked.cadre), COUNTS, under=booked.county.code, year=today().year - 1)
    assert found(page) == 7 and f"{today().year - 1}" in page  # 30 June and 1 October too, not 泰安's


def test_the_export_counts_the_same_days(booked: Tree) -> None:
    q3 = quarter_period(today().year - 1, 3)
    response = client_of(booked.cadre).get(
        reverse("appointments:counts_export"),
        {"under": booked.county.code, "start": q3.start.isoformat(), "end": q3.end.isoformat()},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    y = q3.year
    assert {r[1] for r in rows} == {f"{y}-07", f"{y}-08", f"{y}-09"}
    assert sum(int(r[3]) for r in rows) == 2 and sum(int(r[5]) for r in rows) == 2  # done; cancelled
    assert "李预约" not in response.content.decode("utf-8-sig")


def test_a_union_outside_the_scope_is_refused(booked: Tree) -> None:
    response = client_of(booked.outsider).get(COUNTS, {"under": booked.county.code, "start": "2025-01-01"})
    assert response.status_code == 404 and "不在您的管理范围内" in response.content.decode()
    union_cadre = client_of(booked.union_cadre)
    assert union_cadre.get(COUNTS, {"under": booked.other.code}).status_code == 404  # a sibling union
    assert union_cadre.get(reverse("appointments:counts_export"), {"under": booked.other.code}).status_code == 404


BAD = [
    ({"start": "2026-13-40"}, "有效的日期"),
    ({"start": "2026-05-01", "end": "2026-04-01"}, "截止日期不能早于起始日期"),
    ({"start": "2020-01-01", "end": "2026-04-01"}, "起止日期最多跨24个月"),
    ({"kind": "astrology"}, "选择一个有效的选项"),
]


@pytest.mark.parametrize(("params", "error"), BAD)
def test_bad_input_counts_nothing_and_says_why(booked: Tree, params: dict[str, str], error: str) -> None:
    page = follow(client_of(booked.cadre), COUNTS, under=booked.county.code, **params)
    assert error in page and 'id="filter-errors"' in page and found(page) == 0


def test_an_open_start_or_end_counts_that_year(booked: Tree) -> None:
    y, client = today().year - 1, client_of(booked.cadre)
    assert found(follow(client, COUNTS, under=booked.county.code, start=f"{y}-09-01")) == 2  # to 31 December
    assert found(follow(client, COUNTS, under=booked.county.code, end=f"{y}-07-31", status=DONE)) == 3  # from 1 Jan


def test_a_span_across_years_labels_its_months(booked: Tree) -> None:
    y = today().year - 1
    page = follow(client_of(booked.cadre), COUNTS, under=booked.county.code, start=f"{y}-09-01", end=f"{y + 1}-01-31")
    assert f"{y}-09" in page and f"{y + 1}-01" in page
    assert found(page) == 2 + (2 if today().month == 1 else 0)  # 30 September, 1 October (and this year's)
