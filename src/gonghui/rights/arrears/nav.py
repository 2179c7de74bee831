"""The arrears app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav
from gonghui.orgs.roles import Perm


def register() -> None:
    register_nav(
        NavItem(_("维权服务"), _("欠薪治理"), "arrears:reports", perm=Perm.RIGHTS, order=830),
        NavItem(_("维权服务"), _("清欠专项行动"), "arrears:drives", order=832),
        NavItem(_("维权服务"), _("欠薪统计"), "arrears:stats", order=834),
    )
