"""职工培训 figures for a union's subtree and a year ("共培训3200人次"), each with its definition and a link to
the classes or the breakdown per union, trade and month, narrowed to the subtree and the year."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gonghui.common.figures import Figure, Rollup, figure_link, register_figures, with_definitions
from gonghui.orgs.models import OrgNode
from gonghui.skills.training.stats import subtree, totals

DEFINITIONS = {
    "training_classes": _("本会及下级工会主办、本年度开班的已发布培训班（期）。"),
    "training_sessions": _("本年度上课的培训课次（不含已取消的课次），及其课时合计。"),
    "training_attendances": _("本年度培训课次的签到人次：一名学员参加一节课记一人次。"),
    "training_people": _("本年度签到参加过培训的人数，同一人参加多节、多个培训班只算一人。"),
    "training_hours": _("本年度学员参训学时合计：每一人次按该节课的学时计。"),
    "training_completions": _("本年度颁发的培训结业证书（学员参训学时达到培训班的结业要求）。"),
}


def training_figures(org: OrgNode, year: int) -> list[Figure]:
    t = totals(subtree(org), year)
    classes = figure_link("training:classes", org, year=year)
    stats = figure_link("training:stats", org, year=year)
    figures = [
        Figure("training_classes", _("培训班"), t.classes, pgettext_lazy("training classes", "期"), classes),
        Figure("training_sessions", _("培训课次"), t.sessions, _("节"), stats),
        Figure("training_attendances", _("培训人次"), t.attendances, _("人次"), stats),
        Figure("training_people", _("参训人数"), t.people, _("人"), stats, rollup=Rollup.RECOUNT),
        Figure("training_hours", _("参训学时"), t.trainee_hours, _("学时"), stats),
        Figure("training_completions", _("培训结业"), t.completions, _("人"), classes),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("training", _("职工培训"), training_figures, order=72)
