"""What innovation adds to the worker portal: the 五小 entry, the person's projects with their review stage,
and their 合理化建议 with the union's answer."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, UnionEntry, register_my_section, register_union_entry
from gonghui.innovation.choices import ProjectStatus, StageStatus
from gonghui.innovation.models import Project, Proposal, ReviewStage
from gonghui.members.models import Person


def project_rows(person: Person) -> list[MyRow]:
    projects = list(
        Project.objects.filter(team__person=person).select_related("call").distinct().order_by("-submitted_at")[:10]
    )
    open_stages = {
        s.project_id: s.org.name
        for s in ReviewStage.objects.filter(project__in=projects, status=StageStatus.OPEN).select_related("org")
    }
    rows = []
    for p in projects:
        step = ""
        if p.status == ProjectStatus.IN_REVIEW and p.pk in open_stages:
            step = _("正在%(org)s评审") % {"org": open_stages[p.pk]}
        rows.append(
            MyRow(title=f"{p.call.title} · {p.title}", status=p.get_status_display(), next_step=step, at=p.submitted_at)
        )
    return rows


def proposal_rows(person: Person) -> list[MyRow]:
    proposals = Proposal.objects.filter(proposer=person).select_related("enterprise").order_by("-submitted_at")[:10]
    return [
        MyRow(
            title=_("合理化建议 · %(title)s") % {"title": p.title},
            status=p.get_status_display(),
            next_step=p.decision_reason,  # the union's answer to the proposer
            at=p.submitted_at,
        )
        for p in proposals
    ]


def register() -> None:
    register_union_entry(
        UnionEntry(
            gettext_lazy("五小创新申报"),
            gettext_lazy("小发明、小创造、小革新、小设计、小建议"),
            "innovation_h5:submit",
            order=30,
        )
    )
    register_my_section(MySection(gettext_lazy("五小创新"), project_rows, order=30))
    register_my_section(MySection(gettext_lazy("合理化建议"), proposal_rows, order=35))
