"""建功立业 figures for any period: projects and proposals by when they were made, studios standing at its end,
honors and 全员创新企业 by when they were awarded, with the selections' quota as the target of a year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from gonghui.innovation.choices import (
    HonorLevel,
    NominationStatus,
    NomineeKind,
    ProjectStatus,
    ProposalStatus,
    RoundKind,
)
from gonghui.innovation.figures import innovation_figures
from gonghui.innovation.models import (
    HonorTitle,
    InnovationCall,
    Nomination,
    Project,
    Proposal,
    Rubric,
    SelectionRound,
    Studio,
)
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import quarter_period, to_date_period, year_period
from tests.factories import EnterpriseFactory, Tree, make_member, make_org, today


def local(year: int, month: int, day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 9))


@pytest.fixture
def works(tree: Tree) -> Tree:
    """Last year (y) in the county: projects declared in March (union) and July (other, awarded); proposals made
    in February (implemented, saved 1,000) and April; a studio named on 1 March (3 stars), one registered today
    without a date (5 stars), one dissolved; county honors awarded on 1 May (front-line model worker) and
    1 November; 全员创新企业 awarded on 1 December with 3 places that year (9 the year before). The neighbouring
    federation's project, proposal and honor are not counted."""
    y = today().year - 1
    enterprise = EnterpriseFactory(union=tree.union)
    call = InnovationCall.objects.create(
        org=tree.county,
        year=y,
        title="五小评选",
        opens_on=dt.date(y, 1, 1),
        closes_on=dt.date(y, 12, 31),
        rubric=Rubric.objects.create(org=tree.county, name="评分细则"),
    )

    def project(org: OrgNode, when: dt.datetime, status: str = ProjectStatus.IN_REVIEW) -> None:
        p = Project.objects.create(
            call=call,
            org=org,
            category="innovation",
            title="换刀装置改进",
            problem="停机",
            solution="半自动",
            status=status,
        )
        Project.objects.filter(pk=p.pk).update(submitted_at=when)

    project(tree.union, local(y, 3, 5))
    project(tree.other, local(y, 7, 5), ProjectStatus.AWARDED)
    project(tree.stranger, local(y, 3, 5))

    def proposal(org: OrgNode, when: dt.datetime, status: str, saved: int = 0) -> None:
        p = Proposal.objects.create(
            org=org,
            enterprise=enterprise,
            proposer_name="张建国",
            title="节电",
            content="改造",
            status=status,
            value_saved=Decimal(saved),
        )
        Proposal.objects.filter(pk=p.pk).update(submitted_at=when)

    proposal(tree.union, local(y, 2, 1), ProposalStatus.IMPLEMENTED, 1000)
    proposal(tree.union, local(y, 4, 1), ProposalStatus.SUBMITTED)
    proposal(tree.stranger, local(y, 4, 1), ProposalStatus.ADOPTED)
    leader = make_member(tree.union, 50).person
    studio = {"level": "county", "leader": leader, "field": "数控"}
    Studio.objects.create(org=tree.union, name="张建国劳模创新工作室", named_on=dt.date(y, 3, 1), stars=3, **studio)
    Studio.objects.create(org=tree.other, name="李志强工匠工作室", stars=5, **studio)
    Studio.objects.create(org=tree.union, name="已撤销工作室", named_on=dt.date(y - 2, 1, 1), is_active=False, **studio)
    title = HonorTitle.objects.create(
        code="county-model",
        name="县劳动模范",
        level=HonorLevel.COUNTY,
        nominee_kind=NomineeKind.PERSON,
        is_model_worker=True,
    )
    honors = SelectionRound.objects.create(
        kind=RoundKind.HONOR, org=tree.county, title=title, year=y, name="县劳模", quota=5
    )
    person = NomineeKind.PERSON
    for org, who, front, awarded in (
        (tree.union, 51, True, dt.date(y, 5, 1)),
        (tree.other, 52, False, dt.date(y, 11, 1)),
        (tree.stranger, 53, True, dt.date(y, 5, 1)),
    ):
        Nomination.objects.create(
            round=honors,
            nominated_by=org,
            nominee_kind=person,
            person=make_member(org, who).person,
            is_front_line=front,
            status=NominationStatus.AWARDED,
            awarded_on=awarded,
        )
    kind = RoundKind.INNOVATIVE_ENTERPRISE
    places = SelectionRound.objects.create(kind=kind, org=tree.county, year=y, name="全员创新企业", quota=3)
    SelectionRound.objects.create(kind=kind, org=tree.county, year=y - 1, name="上年全员创新企业", quota=9)
    Nomination.objects.create(
        round=places,
        nominated_by=tree.union,
        nominee_kind=NomineeKind.ORGANISATION,
        enterprise=enterprise,
        status=NominationStatus.AWARDED,
        awarded_on=dt.date(y, 12, 1),
    )
    return tree


def figures(tree: Tree, period: Any) -> dict[str, Any]:
    return {f.key: f for f in innovation_figures(tree.county, period)}


def test_a_year_of_innovation_in_the_subtree(works: Tree) -> None:
    y = today().year - 1
    year = {k: f.value for k, f in figures(works, year_period(y)).items()}
    assert (year["projects_declared"], year["projects_awarded"]) == (2, 1)
    assert (year["proposals"], year["proposals_adopted"], year["value_saved"]) == (2, 1, 1000)
    assert (year["studios"], year["studios_3_stars"], year["studios_5_stars"]) == (1, 1, 0)  # today's came later
    assert (year["honors_county"], year["front_line_share"], year["model_worker_front_line_share"]) == (2, 50.0, 50.0)
    assert year["innovative_enterprises"] == 1
    assert {k: f.value for k, f in figures(works, y).items()} == year  # a year given as a number


def test_quarters_count_what_was_made_or_awarded_in_them(works: Tree) -> None:
    y = today().year - 1
    q1 = {k: f.value for k, f in figures(works, quarter_period(y, 1)).items()}
    assert (q1["projects_declared"], q1["proposals"], q1["studios"], q1["honors_county"]) == (1, 1, 1, 0)
    assert q1["front_line_share"] is None  # nobody awarded: no share, not 0 %
    q2 = {k: f.value for k, f in figures(works, quarter_period(y, 2)).items()}
    assert (q2["projects_declared"], q2["proposals"], q2["honors_county"], q2["front_line_share"]) == (0, 1, 1, 100.0)
    now = {k: f.value for k, f in figures(works, to_date_period(y + 1)).items()}
    assert (now["studios"], now["studios_5_stars"]) == (2, 1)


def test_the_quota_of_the_years_selections_is_the_target(works: Tree) -> None:
    y = today().year - 1
    assert figures(works, year_period(y))["innovative_enterprises"].target == 3
    assert figures(works, quarter_period(y, 4))["innovative_enterprises"].target is None
    assert figures(works, year_period(y - 1))["innovative_enterprises"].target == 9


def test_studios_and_shares_are_recounted(works: Tree, django_assert_num_queries: Any) -> None:
    y = today().year - 1
    all_figures = figures(works, year_period(y))
    recounted = {k for k, f in all_figures.items() if f.rollup == Rollup.RECOUNT}
    assert recounted == {
        "studios",
        *(f"studios_{n}_stars" for n in range(1, 6)),
        "front_line_share",
        "model_worker_front_line_share",
    }
    assert FIGURE_GROUPS["innovation"].periodic and all(f.definition for f in all_figures.values())
    for n in range(4):
        make_org(f"新基层工会{n}", parent=works.county)
    with django_assert_num_queries(7):  # projects, proposals, studios, honors by level, people, enterprises, quota
        innovation_figures(works.county, year_period(y))
