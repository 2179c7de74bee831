"""What the help desk adds to the worker portal: the enterprise's need entry on the union page; in 我的,
the needs of enterprises whose contact the worker is, and the worker's invitations to an expert pool."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, UnionEntry, register_my_section, register_union_entry
from gonghui.experts.choices import InvitationStatus, NeedStatus
from gonghui.experts.invitations import invitations_of
from gonghui.experts.selectors import enterprises_of_contact, needs_of_enterprises
from gonghui.members.models import Person


def invitation_rows(person: Person) -> list[MyRow]:
    return [
        MyRow(
            title=_("%(org)s助企专家库") % {"org": i.org.name},
            status=i.get_status_display(),
            next_step=_("请查看并答复") if i.status == InvitationStatus.PENDING else "",
            at=i.created_at,
            url=reverse("desk:invitation", args=[i.pk]),
        )
        for i in invitations_of(person)
    ]


def need_rows(person: Person) -> list[MyRow]:
    """For an enterprise's contact (the number on record is theirs): its needs, and which await them."""
    needs = needs_of_enterprises(enterprises_of_contact(person.mobile_hmac))[:10]
    return [
        MyRow(
            title=f"{n.enterprise.name} · {n.title}",
            status=n.get_status_display(),
            next_step=_("请确认服务结果并评价") if n.status == NeedStatus.AWAITING else "",
            at=n.posted_at,
            url=reverse("desk:mine"),
        )
        for n in needs
    ]


def register() -> None:
    register_union_entry(
        UnionEntry(
            gettext_lazy("企业技术难题求助"), gettext_lazy("劳模工匠助企行：企业点菜，工会点将"), "desk:post", order=40
        )
    )
    register_my_section(MySection(gettext_lazy("企业技术难题求助"), need_rows, order=50))
    register_my_section(MySection(gettext_lazy("专家库邀请"), invitation_rows, order=60))
