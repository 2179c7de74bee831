"""The competitions app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("技能提升"), _("劳动和技能竞赛"), "competitions:list", order=770),
        NavItem(_("技能提升"), _("竞赛统计"), "competitions:figures", order=771),
    )
