"""What assistance adds to the worker portal: the aid entry, and the status of the person's own files.

The worker sees the status and the next step only: never the review notes, visit records or photos.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.assistance.choices import FileStatus
from gonghui.assistance.models import HardshipFile
from gonghui.common.portal import MyRow, MySection, UnionEntry, register_my_section, register_union_entry
from gonghui.members.models import Person

_NEXT: dict[str, Any] = {
    FileStatus.APPLIED: gettext_lazy("等待工会初审"),
    FileStatus.REVIEWED: gettext_lazy("工会将安排入户核实"),
    FileStatus.VISITED: gettext_lazy("核实后将进行公示"),
    FileStatus.NOTICE: gettext_lazy("公示期满后建档"),
    FileStatus.OPEN: gettext_lazy("已纳入帮扶，按帮扶计划落实"),
}


def file_rows(person: Person) -> list[MyRow]:
    files = HardshipFile.objects.filter(person=person).select_related("org").order_by("-id")[:10]
    return [
        MyRow(
            title=_("困难职工建档 · %(org)s") % {"org": f.org.name},
            status=f.get_status_display(),
            next_step=str(_NEXT.get(f.status, "")),
            at=f.created_at,
        )
        for f in files
    ]


def register() -> None:
    register_union_entry(
        UnionEntry(gettext_lazy("困难帮扶申请"), gettext_lazy("困难职工建档、救助"), "aid:apply", order=20)
    )
    register_my_section(MySection(gettext_lazy("困难帮扶"), file_rows, order=20))
