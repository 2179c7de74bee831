"""What 劳动和技能竞赛 adds to 我的: the worker's prizes (with the certificate's check page) and, for a
person seated as a judge, their stages to score."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, register_my_section
from gonghui.members.models import Person
from gonghui.skills.competitions.choices import ContestStageStatus
from gonghui.skills.competitions.selectors import awards_of_person, seats_of


def award_rows(person: Person) -> list[MyRow]:
    rows = []
    for a in awards_of_person(person)[:10]:
        url = reverse("certification_h5:verify", args=[a.certificate.number]) if a.certificate else ""
        rows.append(
            MyRow(
                title=f"{a.competition.title} {a.get_grade_display()}",
                status=a.get_status_display(),
                next_step=_("点击查看电子证书") if url else _("公示期满后颁发证书"),
                at=a.awarded_on,
                url=url or reverse("competitions_h5:notice", args=[a.competition_id]),
            )
        )
    return rows


def judge_rows(person: Person) -> list[MyRow]:
    return [
        MyRow(
            title=f"{j.stage.competition.title} · {j.stage.name}",
            status=j.stage.get_status_display(),
            next_step=_("请为参赛选手评分") if j.stage.status == ContestStageStatus.SCORING else "",
            url=reverse("competitions_h5:judge_stage", args=[j.stage_id]),
        )
        for j in seats_of(person)[:10]
    ]


def register() -> None:
    register_my_section(MySection(gettext_lazy("我的竞赛获奖"), award_rows, order=80))
    register_my_section(MySection(gettext_lazy("竞赛评委"), judge_rows, order=81))
