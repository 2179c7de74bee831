"""The innovation app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("建功立业"), _("五小申报批次"), "innovation:calls", order=400),
        NavItem(_("建功立业"), _("五小项目"), "innovation:projects", order=410),
        NavItem(_("建功立业"), _("我的评审"), "innovation:queue", perm=None, order=420),
        NavItem(_("建功立业"), _("合理化建议"), "innovation:proposals", order=430),
        NavItem(_("建功立业"), _("创新工作室"), "innovation:studios", order=440),
        NavItem(_("建功立业"), _("劳模工匠与全员创新企业评选"), "innovation:rounds", order=450),
    )
