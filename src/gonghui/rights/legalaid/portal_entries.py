"""What 法律援助 adds to the worker portal: 法律咨询 on the front page and in 我的, and the worker's own
consultations and cases in 我的 (status and outcome only)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, PortalLink, register_my_section, register_portal_link
from gonghui.members.models import Person
from gonghui.rights.legalaid.choices import WITH_LAWYER
from gonghui.rights.legalaid.selectors import cases_of, consultations_of


def legal_rows(person: Person) -> list[MyRow]:
    url = reverse("legalaid_h5:mine")
    rows = [
        MyRow(
            title=_("法律援助 %(ref)s · %(topic)s") % {"ref": c.ref, "topic": c.get_topic_display()},
            status=c.get_status_display(),
            next_step=_("承办：%(who)s") % {"who": c.lawyer} if c.status in WITH_LAWYER else "",
            at=c.applied_on,
            url=url,
        )
        for c in cases_of(person)[:5]
    ]
    rows += [
        MyRow(
            title=_("法律咨询 · %(topic)s") % {"topic": c.get_topic_display()},
            status=_("已答复") if c.answer else _("待答复"),
            at=c.asked_at,
            url=url,
        )
        for c in consultations_of(person)[:5]
    ]
    return rows


def register() -> None:
    register_portal_link(
        PortalLink(
            gettext_lazy("法律咨询"), gettext_lazy("劳动纠纷在线咨询、法律援助进度"), "legalaid_h5:mine", order=45
        )
    )
    register_my_section(MySection(gettext_lazy("我的法律咨询与援助"), legal_rows, order=78))
