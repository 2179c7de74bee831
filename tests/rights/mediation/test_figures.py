"""The figures count what their definitions say, for a union's subtree and a year, and link to the list
narrowed to what they count; the statistics page shows the same numbers to any staff of the subtree."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS
from gonghui.rights.mediation import intake, outcomes
from tests.factories import make_member
from tests.rights.mediation.conftest import Desk, open_dispute, workers
from tests.rights.mediation.test_outcomes import agree

pytestmark = pytest.mark.django_db


def test_figures_by_source_outcome_money_and_collective(desk: Desk) -> None:
    agree(desk, open_dispute(desk))  # 10,000 agreed
    open_dispute(desk, n=3, workers=workers(3, start=400), source="court")  # collective
    refused = open_dispute(desk, workers=workers(1, start=600), source="hrss")
    outcomes.dispute_refer(actor=desk.officer, dispute=refused, to="court")
    person = make_member(desk.tree.union, 9).person
    intake.dispute_apply(
        actor=desk.officer, person=person, enterprise_name="城关建材", summary="欠薪"
    )  # not accepted yet
    year = timezone.localdate().year
    figures = {f.key: f for f in FIGURE_GROUPS["mediation"].compute(desk.tree.county, year)}
    assert figures["mediation_disputes"].value == 3
    assert figures["mediation_source_court"].value == 1 and figures["mediation_source_cadre"].value == 1
    assert figures["mediation_agreed"].value == 1 and figures["mediation_amount"].value == Decimal("10000.00")
    assert figures["mediation_collective"].value == 1 and figures["mediation_referred"].value == 1
    assert figures["mediation_collective"].url == f"/mediation/?under={desk.tree.county.code}&year={year}&collective=on"
    assert all(f.definition for f in figures.values())
    assert FIGURE_GROUPS["mediation"].compute(desk.tree.stranger, year)[0].value == 0


def test_the_statistics_page_shows_counts_to_a_readonly_clerk_without_links(desk: Desk) -> None:
    agree(desk, open_dispute(desk))
    client = Client()
    client.force_login(desk.clerk)
    page = client.get("/mediation/stats/").content.decode()
    assert "案件明细仅维权专员和管理员可查看" in page and "10,000.00" in page
    assert "/mediation/?source=" not in page
