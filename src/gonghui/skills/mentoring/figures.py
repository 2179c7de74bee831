"""名师带徒 figures for a union's subtree and a year: pairs that ran, pairs still active, pairs completed
(出师) in the year and apprentices promoted, with the mentors on the roll."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, Rollup, figure_link, register_figures, with_definitions
from gonghui.orgs.models import OrgNode
from gonghui.skills.mentoring.choices import PairStatus
from gonghui.skills.mentoring.models import Mentor, Pair
from gonghui.skills.mentoring.selectors import promoted_q

DEFINITIONS = {
    "mentoring_pairs": _("本年度内任一时间在带的本会及下级工会师徒结对（含年内出师和提前解除的）。"),
    "mentoring_active": _("今天仍在带徒中、于本年度或以前结对的师徒。"),
    "mentoring_completed": _("本年度出师的师徒结对（提前解除的不算）。"),
    "mentoring_promoted": _("本年度出师、出师时职业技能等级高于结对时的徒弟（等级以技能等级认定记录为准）。"),
    "mentoring_mentors": _("在本会及下级工会登记的师傅（劳模、工匠、技师、技能标兵）。"),
}


def mentoring_figures(org: OrgNode, year: int) -> list[Figure]:
    ran = Q(starts_on__year__lte=year) & (Q(closed_on__isnull=True) | Q(closed_on__year__gte=year))
    done = Q(status=PairStatus.COMPLETED, closed_on__year=year)
    counts = Pair.objects.filter(org__path__startswith=org.path).aggregate(
        pairs=Count("pk", filter=ran),
        active=Count("pk", filter=ran & Q(status=PairStatus.ACTIVE)),
        completed=Count("pk", filter=done),
        promoted=Count("pk", filter=done & promoted_q()),
    )
    mentors = Mentor.objects.filter(org__path__startswith=org.path).count()
    pairs = lambda **params: figure_link("mentoring:pairs", org, **params)  # noqa: E731
    figures = [
        Figure("mentoring_pairs", _("师徒结对"), counts["pairs"], _("对"), pairs(year=year)),
        Figure(
            "mentoring_active",
            _("在带师徒"),
            counts["active"],
            _("对"),
            pairs(year=year, status="active"),
            rollup=Rollup.RECOUNT,
        ),
        Figure(
            "mentoring_completed", _("出师徒弟"), counts["completed"], _("人"), pairs(closed=year, status="completed")
        ),
        Figure(
            "mentoring_promoted",
            _("出师晋级徒弟"),
            counts["promoted"],
            _("人"),
            pairs(closed=year, status="completed", promoted=1),
        ),
        Figure(
            "mentoring_mentors",
            _("登记师傅"),
            mentors,
            _("人"),
            figure_link("mentoring:mentors", org),
            rollup=Rollup.RECOUNT,
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("mentoring", _("名师带徒"), mentoring_figures, order=77)
