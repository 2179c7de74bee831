"""The workbench app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav
from gonghui.orgs.roles import Perm


def register() -> None:
    register_nav(
        NavItem(_("工作台"), _("首页"), "workbench:home", order=0),
        NavItem(_("系统"), _("后台任务"), "workbench:jobs", order=910),
        NavItem(_("系统"), _("审计日志"), "workbench:audit", perm=Perm.AUDIT_VIEW, order=920),
    )
