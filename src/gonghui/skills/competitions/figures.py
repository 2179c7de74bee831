"""劳动和技能竞赛 figures for a union's subtree and a year ("竞赛50余场次，参赛职工2.5万余人"): competitions
held, entries, participations and distinct participants, prizes and titles conferred; each links to the
figures page (per competition and per entering union) narrowed to the subtree and the year."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, Rollup, figure_link, register_figures, with_definitions
from gonghui.orgs.models import OrgNode
from gonghui.skills.competitions.choices import AwardStatus, CompetitionStatus, EntryStatus
from gonghui.skills.competitions.models import Award, Competition, Entry, EntryMember

DEFINITIONS = {
    "competitions_held": _("本年度本会及下级工会主办的劳动和技能竞赛场次（不含筹备中的）。"),
    "competitions_entries": _("本年度竞赛中，本会及下级工会报名的参赛单元（个人或队伍，不含退赛的）。"),
    "competitions_participations": _("本年度竞赛中，本会及下级工会报名的参赛职工人次（一人参加两项竞赛计两人次）。"),
    "competitions_participants": _("本年度参加竞赛的本会及下级工会职工人数（同一人只计一次）。"),
    "competitions_prizes": _("本年度竞赛结果公示期满、确认授予本会及下级工会职工的奖项人次。"),
    "competitions_titles": _("其中同时授予称号（如技术能手、岗位建功标兵）或推荐参加称号评选的人次。"),
}


def entries_in(org: OrgNode, year: int) -> Q:
    """The entries a union's figures count: made by a union of its subtree, in a competition of the year."""
    return Q(org__path__startswith=org.path, competition__year=year, status=EntryStatus.ENTERED)


def competition_figures(org: OrgNode, year: int) -> list[Figure]:
    held = (
        Competition.objects.filter(org__path__startswith=org.path, year=year)
        .exclude(status=CompetitionStatus.DRAFT)
        .count()
    )
    entries = Entry.objects.filter(entries_in(org, year)).count()
    people = EntryMember.objects.filter(
        entry__org__path__startswith=org.path, competition__year=year, entry__status=EntryStatus.ENTERED
    ).aggregate(n=Count("pk"), distinct=Count("person", distinct=True))
    awards = Award.objects.filter(
        entry__org__path__startswith=org.path, competition__year=year, status=AwardStatus.AWARDED
    ).aggregate(n=Count("pk"), titled=Count("pk", filter=Q(honor__isnull=False)))
    link = figure_link("competitions:figures", org, year=year)
    figures = [
        Figure("competitions_held", _("劳动和技能竞赛"), held, _("场次"), link),
        Figure("competitions_entries", _("参赛单元"), entries, _("个"), link),
        Figure("competitions_participations", _("参赛职工"), people["n"], _("人次"), link),
        Figure(
            "competitions_participants", _("参赛职工（去重）"), people["distinct"], _("人"), link, rollup=Rollup.RECOUNT
        ),
        Figure("competitions_prizes", _("竞赛获奖"), awards["n"], _("人次"), link),
        Figure("competitions_titles", _("竞赛授予称号"), awards["titled"], _("人次"), link),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("competitions", _("劳动和技能竞赛"), competition_figures, order=70)
