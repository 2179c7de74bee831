"""建功立业 figures for a union's subtree and a year, each with the list it counts (drill-down in scope)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, figure_link, register_figures, share, with_definitions
from gonghui.innovation.choices import (
    HonorLevel,
    NominationStatus,
    NomineeKind,
    ProjectStatus,
    ProposalStatus,
    RoundKind,
)
from gonghui.innovation.models import Nomination, Project, Proposal, Studio
from gonghui.orgs.models import OrgNode

DEFINITIONS = {
    "projects_declared": _("本年度批次中，本会及下级工会申报的五小项目数。"),
    "projects_recommended": _("通过本单位推荐、进入上级评审的项目数。"),
    "projects_awarded": _("获奖结果已确认的项目数。"),
    "proposals": _("本年度提交的合理化建议条数。"),
    "proposals_adopted": _("被采纳或已实施的建议条数。"),
    "value_saved": _("已实施建议登记的创效金额合计（元）。"),
    "studios": _("在册的创新工作室个数（不含已撤销的）。"),
    "innovative_enterprises": _("本年度评为全员创新企业的企业数。"),
    "honors": _("本年度授予本会及下级推荐人选的该级荣誉个数。"),
    "front_line_share": _("本年度获奖个人中一线职工所占百分比。"),
    "model_worker_front_line_share": _("本年度劳模中一线职工所占百分比。"),
}

# A project in one of these got past its own union's recommendation (or was submitted at a federation).
FINAL_STATUSES = (ProjectStatus.RANKED, ProjectStatus.NOTICE, ProjectStatus.AWARDED, ProjectStatus.NOT_AWARDED)


def innovation_figures(org: OrgNode, year: int) -> list[Figure]:
    under = Q(org__path__startswith=org.path)
    projects = Project.objects.filter(under, call__year=year).aggregate(
        declared=Count("id"),
        recommended=Count("id", filter=Q(stage_order__gte=1) | Q(status__in=FINAL_STATUSES)),
        awarded=Count("id", filter=Q(status=ProjectStatus.AWARDED)),
    )
    proposals = Proposal.objects.filter(under, submitted_at__year=year).aggregate(
        n=Count("id"),
        adopted=Count("id", filter=Q(status__in=[ProposalStatus.ADOPTED, ProposalStatus.IMPLEMENTED])),
        saved=Sum("value_saved"),
    )
    stars = dict(
        Studio.objects.filter(under, is_active=True)
        .values_list("stars")
        .annotate(n=Count("id"))
        .values_list("stars", "n")
    )
    figures = [
        Figure(
            "projects_declared",
            _("五小项目申报"),
            projects["declared"],
            _("项"),
            figure_link("innovation:projects", org, year=year),
        ),
        Figure(
            "projects_recommended",
            _("推荐上报"),
            projects["recommended"],
            _("项"),
            figure_link("innovation:projects", org, year=year, stage="up"),
        ),
        Figure(
            "projects_awarded",
            _("五小项目获奖"),
            projects["awarded"],
            _("项"),
            figure_link("innovation:projects", org, year=year, status=ProjectStatus.AWARDED),
        ),
        Figure(
            "proposals", _("合理化建议"), proposals["n"], _("条"), figure_link("innovation:proposals", org, year=year)
        ),
        Figure(
            "proposals_adopted",
            _("建议被采纳"),
            proposals["adopted"],
            _("条"),
            figure_link("innovation:proposals", org, year=year, status="adopted"),
        ),
        Figure(
            "value_saved",
            _("建议创效"),
            proposals["saved"] or Decimal(0),
            _("元"),
            figure_link("innovation:proposals", org, year=year, status="implemented"),
        ),
        Figure("studios", _("创新工作室"), sum(stars.values()), _("个"), figure_link("innovation:studios", org)),
    ]
    for star in range(5, 0, -1):
        figures.append(
            Figure(
                f"studios_{star}_stars",
                _("%(n)d星工作室") % {"n": star},
                stars.get(star, 0),
                _("个"),
                figure_link("innovation:studios", org, stars=star),
            )
        )
    return with_definitions(figures + honor_figures(org, year), DEFINITIONS)


def honor_figures(org: OrgNode, year: int) -> list[Figure]:
    awarded = Nomination.objects.filter(
        nominated_by__path__startswith=org.path, status=NominationStatus.AWARDED, awarded_on__year=year
    )
    by_level = dict(
        awarded.values_list("round__title__level").annotate(n=Count("id")).values_list("round__title__level", "n")
    )
    people = awarded.filter(nominee_kind=NomineeKind.PERSON).aggregate(
        n=Count("id"),
        front=Count("id", filter=Q(is_front_line=True)),
        model=Count("id", filter=Q(round__title__is_model_worker=True)),
        model_front=Count("id", filter=Q(round__title__is_model_worker=True, is_front_line=True)),
    )
    enterprises = Nomination.objects.filter(
        round__org__path__startswith=org.path,
        round__kind=RoundKind.INNOVATIVE_ENTERPRISE,
        status=NominationStatus.AWARDED,
        awarded_on__year=year,
    ).count()
    figures = [
        Figure(
            "innovative_enterprises",
            _("全员创新企业"),
            enterprises,
            _("家"),
            figure_link("innovation:honors", org, year=year, kind=RoundKind.INNOVATIVE_ENTERPRISE),
        )
    ]
    figures += [
        Figure(
            f"honors_{level}",
            _("%(level)s荣誉") % {"level": label},
            by_level.get(level, 0),
            _("个"),
            figure_link("innovation:honors", org, year=year, level=level),
        )
        for level, label in HonorLevel.choices
    ]
    figures.append(
        Figure(
            "front_line_share",
            _("获奖个人中一线职工占比"),
            share(people["front"], people["n"]),
            "%",
            figure_link("innovation:honors", org, year=year, front_line=1),
        )
    )
    figures.append(
        Figure(
            "model_worker_front_line_share",
            _("劳模中一线职工占比"),
            share(people["model_front"], people["model"]),
            "%",
            figure_link("innovation:honors", org, year=year, model_worker=1),
        )
    )
    return figures


def register() -> None:
    register_figures("innovation", _("建功立业"), innovation_figures, order=20)
