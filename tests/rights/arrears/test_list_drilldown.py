"""The report list honours what the 欠薪治理 figures link with (issue 19): a union's subtree (`under`, in the
rights scope), the days a report was received in (start, end), the accepted reports the counts and sums are of
(`accepted`), those sent to mediation (route) and those closed after the visit (stage)."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.db.models import Sum
from django.urls import reverse
from openpyxl import load_workbook

from gonghui.common.figures import Figure, Period
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Role
from gonghui.reports.periods import quarter_period, to_date_period, year_period
from gonghui.rights.arrears import services
from gonghui.rights.arrears.figures import arrears_figures
from gonghui.rights.arrears.models import Report
from tests.factories import EnterpriseFactory, UserFactory, grant, today
from tests.orgs.drilldown import client_of, follow, found
from tests.rights.arrears.conftest import Courier, report_from
from tests.rights.mediation.conftest import Desk, workers

pytestmark = pytest.mark.django_db

REPORTS = reverse("arrears:reports")
# The sums a figure makes over the reports its link lists.
SUMMED = {"arrears_workers": "workers_affected", "arrears_owed": "amount_owed", "arrears_recovered": "amount_recovered"}


@pytest.fixture
def county_officer(desk: Desk) -> Any:
    user = UserFactory(username="county-rights")
    grant(user, desk.tree.county, Role.RIGHTS)
    return user


@pytest.fixture
def reports(desk: Desk, courier: Courier, county_officer: Any) -> Desk:
    """Last year (y) in the county:
    r1 城关, received 5 Feb, 12 workers, 50,000 owed, 20,000 recovered by the enterprise
    r2 富水, received 10 Mar, 3 workers, 9,000 owed, sent to mediation
    r3 城关, a worker's report of 1 Mar, not yet accepted;  r4 城关, a worker's report of 20 Jan, refused
    r5 城关, received 2 May, 4 workers, 8,000 owed and recovered, fed back and visited (closed)
    泰安's report of 5 Feb is not the county's; this year, 城关's report received today."""
    t, y = desk.tree, today().year - 1

    def received(org: OrgNode, day: dt.date, actor: Any, owed: int, workers: int, uscc: str) -> Report:
        return services.report_open(
            actor=actor, org=org, enterprise_uscc=uscc, source="cadre", amount_owed=owed,
            summary="工地拖欠农民工工资", workers_affected=workers, received_on=day,
        )  # fmt: skip

    uscc = desk.enterprise.uscc
    r1 = received(t.union, dt.date(y, 2, 5), desk.officer, 50_000, 12, uscc)
    services.report_divert(actor=desk.officer, report=r1, route="enterprise")
    services.report_handle(actor=desk.officer, report=r1, recovered="20000", note="部分补发")
    r2 = received(t.other, dt.date(y, 3, 10), county_officer, 9_000, 3, EnterpriseFactory(union=t.other).uscc)
    services.report_divert(actor=county_officer, report=r2, route="mediation", workers=workers(1))
    for day, refused in ((dt.date(y, 3, 1), False), (dt.date(y, 1, 20), True)):
        report = report_from(courier)
        if refused:
            services.report_reject(actor=desk.officer, report=report, reason="不属于欠薪")
        Report.objects.filter(pk=report.pk).update(received_on=day)
    r5 = received(t.union, dt.date(y, 5, 2), desk.officer, 8_000, 4, uscc)
    services.report_divert(actor=desk.officer, report=r5, route="enterprise")
    services.report_handle(actor=desk.officer, report=r5, recovered="8000", note="全部补发")
    services.report_feedback(actor=desk.officer, report=r5, note="已告知职工")
    services.report_visit(actor=desk.officer, report=r5, satisfied=True)
    stranger = UserFactory(username="taian-rights")
    grant(stranger, t.stranger, Role.RIGHTS)
    received(t.stranger, dt.date(y, 2, 5), stranger, 7_000, 2, EnterpriseFactory(union=t.stranger).uscc)
    received(t.union, today(), desk.officer, 1_000, 1, uscc)
    return desk


def by_key(org: OrgNode, period: Period) -> dict[str, Figure]:
    return {f.key: f for f in arrears_figures(org, period)}


def assert_each_link_lists_what_it_counts(client: Any, figures: dict[str, Figure]) -> None:
    for key, figure in figures.items():
        page = follow(client, figure.url)
        if key in SUMMED:  # a sum: the list holds the reports it adds up
            pks = [int(pk) for pk in re.findall(rf'href="{REPORTS}(\d+)/"', page)]
            total = Report.objects.filter(pk__in=pks).aggregate(n=Sum(SUMMED[key]))["n"] or 0
            assert total == figure.value and len(pks) == found(page) == figures["arrears_reports"].value, key
        else:
            assert found(page) == figure.value, (key, figure.url)


@pytest.mark.parametrize(
    ("quarter", "expected"),
    [
        (1, {"arrears_reports": 2, "arrears_workers": 15, "arrears_owed": 59_000, "arrears_mediated": 1}),
        (2, {"arrears_reports": 1, "arrears_recovered": 8_000, "arrears_closed": 1, "arrears_mediated": 0}),
    ],
)
def test_each_figure_of_a_quarter_lists_what_it_counts(
    reports: Desk, county_officer: Any, quarter: int, expected: dict[str, Any]
) -> None:
    figures = by_key(reports.tree.county, quarter_period(today().year - 1, quarter))
    assert {k: figures[k].value for k in expected} == expected  # hand-counted
    assert_each_link_lists_what_it_counts(client_of(county_officer), figures)


def test_the_year_so_far_and_a_childs_cell_list_what_they_count(reports: Desk, county_officer: Any) -> None:
    client = client_of(county_officer)
    figures = by_key(reports.tree.county, to_date_period(today().year))
    assert (figures["arrears_reports"].value, figures["arrears_owed"].value) == (1, Decimal(1000))
    assert_each_link_lists_what_it_counts(client, figures)
    union = by_key(reports.tree.union, year_period(today().year - 1))  # 城关's own: r1 and r5
    assert (union["arrears_reports"].value, union["arrears_recovered"].value) == (2, Decimal(28_000))
    assert_each_link_lists_what_it_counts(client, union)
    assert_each_link_lists_what_it_counts(client_of(reports.officer), union)  # 城关's own officer


def test_the_year_and_the_lists_own_filters_still_work(reports: Desk, county_officer: Any) -> None:
    y, client, county = today().year - 1, client_of(county_officer), reports.tree.county.code
    assert found(follow(client, REPORTS, under=county, year=y)) == 5  # the waiting and the refused ones too
    assert found(follow(client, REPORTS, under=county, year=y, accepted=1)) == 3
    assert found(follow(client, REPORTS, under=county, stage="reported")) == 1
    page = follow(client, by_key(reports.tree.county, year_period(y))["arrears_reports"].url, q="城关")
    assert found(page) == 2 and '<input type="hidden" name="accepted" value="1">' in page  # r2 is 富水's


def test_bad_dates_list_nothing_and_say_why(reports: Desk, county_officer: Any) -> None:
    client, county = client_of(county_officer), reports.tree.county.code
    page = follow(client, REPORTS, under=county, start="2026-13-40")
    assert "有效的日期" in page and found(page) == 0
    page = follow(client, REPORTS, under=county, start="2025-12-31", end="2025-01-01")
    assert "截止日期不能早于起始日期。" in page and found(page) == 0


def test_a_union_outside_the_rights_scope_is_refused(reports: Desk) -> None:
    url = by_key(reports.tree.county, quarter_period(today().year - 1, 1))["arrears_reports"].url
    assert client_of(reports.officer).get(url).status_code == 404  # 城关's officer does not see the county
    assert client_of(reports.tree.outsider).get(url).status_code == 404


def test_the_export_holds_the_drill_down(reports: Desk, county_officer: Any) -> None:
    url = by_key(reports.tree.county, quarter_period(today().year - 1, 1))["arrears_reports"].url
    response = client_of(county_officer).get(url.replace(REPORTS, reverse("arrears:export")))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 2  # the head, r1 and r2


def test_the_lists_queries_do_not_grow(reports: Desk, county_officer: Any, django_assert_max_num_queries: Any) -> None:
    client = client_of(county_officer)
    url = by_key(reports.tree.county, to_date_period(today().year))["arrears_reports"].url
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    uscc = EnterpriseFactory(union=reports.tree.other).uscc
    for n in range(5):
        services.report_open(
            actor=county_officer, org=reports.tree.other, enterprise_uscc=uscc, source="cadre",
            amount_owed=100 + n, summary="拖欠工资", workers_affected=1,
        )  # fmt: skip
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert found(follow(client, url)) == 6
