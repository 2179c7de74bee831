"""What 求学圆梦 adds to the worker portal: the entry on the front page and in 我的, and the worker's own
applications in 我的 (status, subsidy, graduation)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, PortalLink, register_my_section, register_portal_link
from gonghui.ledger.choices import PayoutStatus
from gonghui.members.models import Person
from gonghui.skills.study.choices import StudyStatus
from gonghui.skills.study.models import Application
from gonghui.skills.study.selectors import applications_of


def _next_step(a: Application) -> str:
    if a.status == StudyStatus.SUBMITTED:
        return _("等待工会审核")
    if a.status == StudyStatus.REJECTED:
        return a.reason
    if a.payout is not None and a.payout.status == PayoutStatus.APPROVED:
        return _("补助%(m)s元已发放") % {"m": a.payout.amount}
    if a.status == StudyStatus.APPROVED:
        return _("已批准，等待发放补助")
    return ""


def study_rows(person: Person) -> list[MyRow]:
    return [
        MyRow(
            title=f"{a.school} · {a.major}",
            status=a.get_status_display(),
            next_step=_next_step(a),
            at=a.created_at,
            url=reverse("study_h5:mine") + f"#study-{a.pk}",
        )
        for a in applications_of(person)[:10]
    ]


def register() -> None:
    register_portal_link(
        PortalLink(gettext_lazy("求学圆梦"), gettext_lazy("一线职工提升学历，工会给补助"), "study_h5:mine", 55)
    )
    register_my_section(MySection(gettext_lazy("我的求学圆梦"), study_rows, order=80))
