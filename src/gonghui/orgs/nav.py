"""The orgs app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav
from gonghui.orgs.roles import Perm


def register() -> None:
    register_nav(
        NavItem(_("组织建设"), _("组织树"), "orgs:tree", order=100),
        NavItem(_("组织建设"), _("用人单位"), "orgs:enterprises", order=110),
        NavItem(_("系统"), _("工作人员账号"), "orgs:staff_list", perm=Perm.STAFF_MANAGE, order=900),
    )
