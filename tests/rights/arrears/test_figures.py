"""The arrears figures count what their definitions say, for a union's subtree and a year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS
from gonghui.reports.periods import month_period, quarter_period, year_period
from gonghui.rights.arrears import services
from gonghui.rights.arrears.figures import arrears_figures
from gonghui.rights.arrears.models import Report
from tests.factories import today
from tests.rights.arrears.conftest import Courier, opened, report_from
from tests.rights.mediation.conftest import Desk

pytestmark = pytest.mark.django_db


def test_figures_handled_owed_recovered_workers_mediated(desk: Desk, courier: Courier) -> None:
    first = opened(desk, amount_owed="50000", workers_affected=12)
    services.report_divert(actor=desk.officer, report=first, route="enterprise")
    services.report_handle(actor=desk.officer, report=first, recovered="20000", note="部分补发")
    mine = report_from(courier, amount_owed="9000")
    services.report_accept(actor=desk.officer, report=mine, enterprise_uscc=desk.enterprise.uscc)
    services.report_divert(actor=desk.officer, report=mine, route="mediation")
    report_from(courier, amount_owed="100")  # not yet accepted: not counted
    year = timezone.localdate().year
    figures = {f.key: f for f in FIGURE_GROUPS["arrears"].compute(desk.tree.county, year)}
    assert figures["arrears_reports"].value == 2 and figures["arrears_workers"].value == 13
    assert figures["arrears_owed"].value == Decimal("59000") and figures["arrears_recovered"].value == Decimal("20000")
    assert figures["arrears_mediated"].value == 1
    assert figures["arrears_mediated"].url.endswith("route=mediation")
    assert all(f.definition for f in figures.values())


def test_reports_count_in_the_period_they_were_received(
    desk: Desk, courier: Courier, django_assert_num_queries: Any
) -> None:
    """Last year: a report received on 5 February (12 workers, 50,000 owed) and one on 9 October (3 workers)."""
    y = today().year - 1
    for day, workers in ((dt.date(y, 2, 5), 12), (dt.date(y, 10, 9), 3)):
        report = opened(desk, workers_affected=workers)
        Report.objects.filter(pk=report.pk).update(received_on=day)

    def values(period: Any) -> dict[str, Any]:
        return {f.key: f.value for f in arrears_figures(desk.tree.county, period)}

    assert (values(quarter_period(y, 1))["arrears_reports"], values(quarter_period(y, 1))["arrears_workers"]) == (1, 12)
    assert values(month_period(y, 10))["arrears_workers"] == 3 and values(quarter_period(y, 2))["arrears_reports"] == 0
    assert values(year_period(y))["arrears_owed"] == Decimal("100000") and values(y) == values(year_period(y))
    assert FIGURE_GROUPS["arrears"].periodic
    with django_assert_num_queries(1):
        arrears_figures(desk.tree.county, year_period(y))
