"""The study app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("技能提升"), _("求学圆梦申请"), "study:applications", order=786),
        NavItem(_("技能提升"), _("求学圆梦计划"), "study:programmes", order=787),
    )
