"""职代会 and 厂务公开 figures for a union's subtree and a year (“产业工人代表占比41.4%”)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, Rollup, figure_link, register_figures, with_definitions
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.democracy.choices import CongressProposalStatus, RepresentativeCategory
from gonghui.rights.democracy.models import Disclosure, Proposal, Session
from gonghui.rights.democracy.selectors import current_reps, shares

DEFINITIONS = {
    "democracy_sessions": _("本年度召开过职工代表大会的企业数（本会及下级工会所属企业，按企业计，不按会次）。"),
    "democracy_reps": _("各企业最近一届职工代表大会的职工代表人数之和。"),
    "democracy_share": _(
        "该类别代表人数占各企业最近一届职工代表总数的比例；类别由工会干部按会员档案（性别、技能等级、企业行业）确认。"
    ),
    "democracy_proposals": _("本年度召开的职代会收到的职工代表提案数。"),
    "democracy_proposals_done": _("本年度召开的职代会收到的提案中，已办结的件数。"),
    "democracy_disclosures": _("本年度登记的厂务公开事项数（公开栏、职代会、网络等各种形式）。"),
}


def democracy_figures(org: OrgNode, year: int) -> list[Figure]:
    enterprises = Enterprise.objects.filter(union__path__startswith=org.path)
    held = (
        Session.objects.filter(enterprise__union__path__startswith=org.path, held_on__year=year)
        .values("enterprise")
        .distinct()
        .count()
    )
    reps = shares(current_reps(enterprises))
    proposals = Proposal.objects.filter(
        session__enterprise__union__path__startswith=org.path, session__held_on__year=year
    ).aggregate(n=Count("pk"), done=Count("pk", filter=Q(status=CongressProposalStatus.DONE)))
    disclosed = Disclosure.objects.filter(enterprise__union__path__startswith=org.path, disclosed_on__year=year).count()
    reps_link = figure_link("democracy:enterprises", org)
    figures = [
        Figure(
            "democracy_sessions",
            _("召开职代会的企业"),
            held,
            _("家"),
            figure_link("democracy:sessions", org, year=year),
        ),
        Figure("democracy_reps", _("职工代表"), reps.total, _("人"), reps_link, rollup=Rollup.RECOUNT),
        *(
            Figure(
                f"democracy_share_{c.value}",
                _("%(c)s代表占比") % {"c": c.label},
                reps.pct(c.value),
                "%",
                reps_link,
                rollup=Rollup.RECOUNT,
            )
            for c in (RepresentativeCategory.INDUSTRIAL, RepresentativeCategory.FRONTLINE, RepresentativeCategory.WOMAN)
        ),
        Figure(
            "democracy_proposals",
            _("职工代表提案"),
            proposals["n"],
            _("件"),
            figure_link("democracy:proposals", org, year=year),
        ),
        Figure(
            "democracy_proposals_done",
            _("已办结的提案"),
            proposals["done"],
            _("件"),
            figure_link("democracy:proposals", org, year=year, status=CongressProposalStatus.DONE),
        ),
        Figure(
            "democracy_disclosures",
            _("厂务公开事项"),
            disclosed,
            _("项"),
            figure_link("democracy:disclosures", org, year=year),
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("democracy", _("职代会和厂务公开"), democracy_figures, order=96)
