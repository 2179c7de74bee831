"""建功立业 figures for a union's subtree and any period (ADR 0019), each with the list it counts (drill-down in
scope): 五小 projects by when they were declared, proposals by when they were made, studios standing at the
period's end, honors and 全员创新企业 by when they were awarded (with the selection's quota as target).

Each link carries the period's days (the lists bound the same day: 申报, 提交, 授予); the studios, a stock, link
with `end` only (the list shows those standing on that day); a share links to the people it is a share of."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import (
    Figure,
    Period,
    Rollup,
    as_period,
    figure_link,
    local_midnight,
    register_figures,
    share,
    with_definitions,
)
from gonghui.innovation.choices import (
    ADOPTED_ANY,
    ADOPTED_STATUSES,
    HonorLevel,
    NominationStatus,
    NomineeKind,
    ProjectStatus,
    RoundKind,
)
from gonghui.innovation.models import Nomination, Project, Proposal, SelectionRound, Studio
from gonghui.orgs.models import OrgNode

DEFINITIONS = {
    "projects_declared": _("本期（按申报时间）本会及下级工会申报的五小项目数。"),
    "projects_recommended": _("本期申报的项目中，通过本单位推荐、进入上级评审的项目数。"),
    "projects_awarded": _("本期申报的项目中，获奖结果已确认的项目数。"),
    "proposals": _("本期提交的合理化建议条数。"),
    "proposals_adopted": _("本期提交的建议中，被采纳或已实施的条数。"),
    "value_saved": _("本期提交的建议登记的创效金额合计（元）。"),
    "studios": _("期末在册的创新工作室个数（按命名日期，未填的按登记日期；不含已撤销的），星级为目前评定的。"),
    "innovative_enterprises": _(
        "本期（按授予日期）本会及下级工会评选为全员创新企业的企业数；目标为本年度这些评选的名额之和（仅年度和本年累计）。"
    ),
    "honors": _("本期（按授予日期）授予本会及下级推荐人选的该级荣誉个数。"),
    "front_line_share": _("本期获奖个人中一线职工所占百分比。"),
    "model_worker_front_line_share": _("本期劳模中一线职工所占百分比。"),
}

# A project in one of these got past its own union's recommendation (or was submitted at a federation).
FINAL_STATUSES = (ProjectStatus.RANKED, ProjectStatus.NOTICE, ProjectStatus.AWARDED, ProjectStatus.NOT_AWARDED)


def standing_on(day: dt.date) -> Q:
    """A studio on the roll at the end of `day`: not dissolved, named by then (or registered by then, when it has
    no naming date). The studios figures and the list's `end` use the same rule."""
    registered = Q(named_on__isnull=True, created_at__lt=local_midnight(day + dt.timedelta(days=1)))
    return Q(is_active=True) & (Q(named_on__lte=day) | registered)


def innovation_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    starts, after = local_midnight(period.start), local_midnight(period.end + dt.timedelta(days=1))
    under = Q(org__path__startswith=org.path)
    projects = Project.objects.filter(under, submitted_at__gte=starts, submitted_at__lt=after).aggregate(
        declared=Count("id"),
        recommended=Count("id", filter=Q(stage_order__gte=1) | Q(status__in=FINAL_STATUSES)),
        awarded=Count("id", filter=Q(status=ProjectStatus.AWARDED)),
    )
    proposals = Proposal.objects.filter(under, submitted_at__gte=starts, submitted_at__lt=after).aggregate(
        n=Count("id"),
        adopted=Count("id", filter=Q(status__in=ADOPTED_STATUSES)),
        saved=Sum("value_saved"),
    )
    stars = dict(
        Studio.objects.filter(under, standing_on(period.end))
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
            figure_link("innovation:projects", org, period=period),
        ),
        Figure(
            "projects_recommended",
            _("推荐上报"),
            projects["recommended"],
            _("项"),
            figure_link("innovation:projects", org, period=period, stage="up"),
        ),
        Figure(
            "projects_awarded",
            _("五小项目获奖"),
            projects["awarded"],
            _("项"),
            figure_link("innovation:projects", org, period=period, status=ProjectStatus.AWARDED),
        ),
        Figure(
            "proposals",
            _("合理化建议"),
            proposals["n"],
            _("条"),
            figure_link("innovation:proposals", org, period=period),
        ),
        Figure(
            "proposals_adopted",
            _("建议被采纳"),
            proposals["adopted"],
            _("条"),
            figure_link("innovation:proposals", org, period=period, status=ADOPTED_ANY),
        ),
        Figure(
            "value_saved",
            _("建议创效"),
            proposals["saved"] or Decimal(0),
            _("元"),
            figure_link("innovation:proposals", org, period=period, status="implemented"),
        ),
        Figure(
            "studios",
            _("创新工作室"),
            sum(stars.values()),
            _("个"),
            figure_link("innovation:studios", org, end=period.end.isoformat()),
            rollup=Rollup.RECOUNT,
        ),
    ]
    for star in range(5, 0, -1):
        figures.append(
            Figure(
                f"studios_{star}_stars",
                _("%(n)d星工作室") % {"n": star},
                stars.get(star, 0),
                _("个"),
                figure_link("innovation:studios", org, end=period.end.isoformat(), stars=star),
                rollup=Rollup.RECOUNT,
            )
        )
    return with_definitions(figures + honor_figures(org, period), DEFINITIONS)


def honor_figures(org: OrgNode, period: Period) -> list[Figure]:
    span = (period.start, period.end)
    awarded = Nomination.objects.filter(
        nominated_by__path__startswith=org.path, status=NominationStatus.AWARDED, awarded_on__range=span
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
        awarded_on__range=span,
    ).count()
    figures = [
        Figure(
            "innovative_enterprises",
            _("全员创新企业"),
            enterprises,
            _("家"),
            # counted by the selection's host union (its quota is the target), not by the nominating one
            figure_link("innovation:honors", org, period=period, kind=RoundKind.INNOVATIVE_ENTERPRISE, hosted=1),
            target=_enterprise_quota(org, period),
        )
    ]
    figures += [
        Figure(
            f"honors_{level}",
            _("%(level)s荣誉") % {"level": label},
            by_level.get(level, 0),
            _("个"),
            figure_link("innovation:honors", org, period=period, level=level),
        )
        for level, label in HonorLevel.choices
    ]
    figures.append(
        Figure(
            "front_line_share",
            _("获奖个人中一线职工占比"),
            share(people["front"], people["n"]),
            "%",
            figure_link("innovation:honors", org, period=period, nominee=NomineeKind.PERSON),
            rollup=Rollup.RECOUNT,
        )
    )
    figures.append(
        Figure(
            "model_worker_front_line_share",
            _("劳模中一线职工占比"),
            share(people["model_front"], people["model"]),
            "%",
            figure_link("innovation:honors", org, period=period, nominee=NomineeKind.PERSON, model_worker=1),
            rollup=Rollup.RECOUNT,
        )
    )
    return figures


def _enterprise_quota(org: OrgNode, period: Period) -> int | None:
    """The 全员创新企业 places the subtree's selections of the year offer: a yearly target, none for a quarter."""
    if not period.yearly:
        return None
    quota = SelectionRound.objects.filter(
        org__path__startswith=org.path, kind=RoundKind.INNOVATIVE_ENTERPRISE, year=period.year
    ).aggregate(n=Sum("quota"))["n"]
    return quota or None


def register() -> None:
    register_figures("innovation", _("建功立业"), innovation_figures, order=20, periodic=True)
