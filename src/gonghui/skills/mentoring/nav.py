"""The mentoring app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("技能提升"), _("名师带徒"), "mentoring:pairs", order=788),
        NavItem(_("技能提升"), _("师傅"), "mentoring:mentors", order=789),
    )
