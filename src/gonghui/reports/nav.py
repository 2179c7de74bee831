"""The reports app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("统计"), _("数据看板"), "reports:dashboard", order=795),
        NavItem(_("统计"), _("数据大屏"), "reports:screen", order=797),
        NavItem(_("统计"), _("工作统计"), "reports:figures", order=800),
    )
