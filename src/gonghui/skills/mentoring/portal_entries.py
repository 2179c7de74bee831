"""What 名师带徒 adds to the worker portal: the pairs the worker is in (as mentor or apprentice) in 我的."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, register_my_section
from gonghui.members.models import Person
from gonghui.skills.mentoring.choices import PairStatus
from gonghui.skills.mentoring.selectors import pairs_of


def pair_rows(person: Person) -> list[MyRow]:
    rows = []
    for pair in pairs_of(person)[:10]:
        as_mentor = pair.mentor.person_id == person.pk
        title = (
            _("带徒：%(n)s") % {"n": pair.apprentice.name}
            if as_mentor
            else _("师傅：%(n)s") % {"n": pair.mentor.person.name}
        )
        step = _("协议至%(d)s") % {"d": pair.ends_on.isoformat()} if pair.status == PairStatus.ACTIVE else ""
        url = reverse("mentoring_h5:mine") + f"#pair-{pair.pk}"
        rows.append(MyRow(title=title, status=pair.get_status_display(), next_step=step, at=pair.starts_on, url=url))
    return rows


def register() -> None:
    register_my_section(MySection(gettext_lazy("我的师徒"), pair_rows, order=82))
