"""The arrears figures count what their definitions say, for a union's subtree and a year."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS
from gonghui.rights.arrears import services
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
