"""What certification adds to the worker portal: 我的技能等级 in 我的 (each occupation's level, the pay
grade it brought, and the certificate's public check page)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, register_my_section
from gonghui.members.models import Person
from gonghui.skills.certification.selectors import skills_of


def skill_rows(person: Person) -> list[MyRow]:
    rows = []
    for skill in skills_of(person).order_by("-certified_on")[:10]:
        pay = ""
        if skill.pay_grade:
            pay = _("薪酬等级：%(g)s，每月技能津贴 %(a)s 元") % {"g": skill.pay_grade, "a": f"{skill.allowance:,.0f}"}
        rows.append(
            MyRow(
                title=f"{skill.occupation.name} {skill.get_level_display()}",
                status=skill.get_source_display(),
                next_step=pay,
                at=skill.certified_on,
                url=reverse("certification_h5:verify", args=[skill.certificate.number]) if skill.certificate else "",
            )
        )
    return rows


def register() -> None:
    register_my_section(MySection(gettext_lazy("我的技能等级"), skill_rows, order=50))
