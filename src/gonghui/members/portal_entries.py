"""What the members app adds to the worker portal: the join entry, and 我的 rows for notices from the
worker's unions, joins and transfers, and change requests."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, UnionEntry, register_my_section, register_union_entry
from gonghui.members.choices import MembershipStatus, TransferStatus
from gonghui.members.models import ChangeRequest, Membership, Person, Transfer
from gonghui.members.notices import notices_of

_NEXT: dict[str, Any] = {
    MembershipStatus.PENDING: gettext_lazy("等待工会审核"),
    MembershipStatus.ACTIVE: gettext_lazy("可出示电子会员卡"),
    MembershipStatus.REJECTED: gettext_lazy("可修改信息后重新申请"),
}


def membership_rows(person: Person) -> list[MyRow]:
    rows = [
        MyRow(
            title=_("入会 · %(org)s") % {"org": m.org.name},
            status=m.get_status_display() + (f"：{m.reject_reason}" if m.reject_reason else ""),
            next_step=str(_NEXT.get(m.status, "")),
            at=m.applied_at,
        )
        for m in Membership.objects.filter(person=person).select_related("org").order_by("-applied_at")[:20]
    ]
    for t in Transfer.objects.filter(person=person).select_related("to_org").order_by("-requested_at")[:10]:
        step = _("等待转出、转入两个工会审核") if t.status == TransferStatus.PENDING else ""
        rows.append(
            MyRow(
                title=_("转会 → %(org)s") % {"org": t.to_org.name},
                status=t.get_status_display() + (f"：{t.reject_reason}" if t.reject_reason else ""),
                next_step=step,
                at=t.requested_at,
            )
        )
    return rows


def change_rows(person: Person) -> list[MyRow]:
    return [
        MyRow(
            title=c.get_kind_display(),
            status=c.get_status_display() + (f"：{c.reason}" if c.reason else ""),
            next_step=_("等待%(org)s核实") % {"org": c.org.name} if c.status == "pending" else "",
            at=c.created_at,
        )
        for c in ChangeRequest.objects.filter(person=person).select_related("org")[:10]
    ]


def notice_rows(person: Person) -> list[MyRow]:
    return [
        MyRow(title=n.title, status=n.org.name, at=n.published_at, url=reverse("portal:notice", args=[n.pk]))
        for n in notices_of(person, limit=5)
    ]


def register() -> None:
    register_union_entry(
        UnionEntry(gettext_lazy("申请入会"), gettext_lazy("扫码实名入会，线上审核"), "join:org", order=10)
    )
    register_my_section(MySection(gettext_lazy("工会通知"), notice_rows, order=5))
    register_my_section(MySection(gettext_lazy("入会与转会"), membership_rows, order=10))
    register_my_section(MySection(gettext_lazy("信息变更与退会申请"), change_rows, order=90))
