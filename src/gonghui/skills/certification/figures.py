"""技能等级认定 figures for a union's subtree and a year: pilot enterprises, certifications (by level),
people certified and pay-grade promotions. Each links to the list of what it counts."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, Rollup, figure_link, register_figures, with_definitions
from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.choices import CertifiedLevel
from gonghui.skills.certification.models import Candidate, PilotEnterprise

DEFINITIONS = {
    "certification_pilots": _(
        "本会及下级工会所属企业中，确定为职业技能等级自主评价试点、仍在试点中的企业（截至年底确定的）。"
    ),
    "certification_certified": _("本年度结束考核的认定批次中通过认定、取得职业技能等级证书的人次。"),
    "certification_people": _("本年度通过认定的人数（同一人本年度在几个工种取得证书只算一人）。"),
    "certification_promoted": _(
        "本年度通过认定后，按企业能级工资表晋升薪酬等级的人次（新等级的薪酬档次或津贴高于原等级）。"
    ),
    "certification_level": _("本年度通过认定、取得该等级证书的人次。"),
}


def certification_figures(org: OrgNode, year: int) -> list[Figure]:
    pilots = PilotEnterprise.objects.filter(
        org__path__startswith=org.path, is_active=True, designated_on__year__lte=year
    ).count()
    counts = Candidate.objects.filter(
        batch__org__path__startswith=org.path, batch__ends_on__year=year, passed=True
    ).aggregate(
        certified=Count("pk"),
        people=Count("person", distinct=True),
        promoted=Count("pk", filter=Q(promoted=True)),
        **{f"level_{value}": Count("pk", filter=Q(level=value)) for value in CertifiedLevel.values},
    )
    link = lambda **params: figure_link("certification:results", org, year=year, **params)  # noqa: E731
    figures = [
        Figure(
            "certification_pilots",
            _("认定试点企业"),
            pilots,
            _("家"),
            figure_link("certification:pilots", org),
            rollup=Rollup.RECOUNT,
        ),
        Figure("certification_certified", _("技能等级认定"), counts["certified"], _("人次"), link()),
        Figure("certification_people", _("通过认定人数"), counts["people"], _("人"), link(), rollup=Rollup.RECOUNT),
        Figure("certification_promoted", _("认定后晋升薪酬等级"), counts["promoted"], _("人"), link(promoted=1)),
    ]
    figures += [
        Figure(f"certification_level_{value}", label, counts[f"level_{value}"], _("人次"), link(level=value))
        for value, label in reversed(CertifiedLevel.choices)
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("certification", _("技能等级认定"), certification_figures, order=84)
