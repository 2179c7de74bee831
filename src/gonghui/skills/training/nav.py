"""The training app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("技能提升"), _("培训班"), "training:classes", order=772),
        NavItem(_("技能提升"), _("培训课程"), "training:courses", order=773),
        NavItem(_("技能提升"), _("培训基地"), "training:bases", order=774),
        NavItem(_("技能提升"), _("培训统计"), "training:stats", order=775),
    )
