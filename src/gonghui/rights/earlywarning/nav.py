"""The earlywarning app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav
from gonghui.orgs.roles import Perm

RIGHTS = Perm.RIGHTS  # the pages list case rows only the rights staff see
HEADING = _("维权服务")


def register() -> None:
    register_nav(
        NavItem(HEADING, _("企业预警等级"), "earlywarning:levels", perm=RIGHTS, order=880),
        NavItem(HEADING, _("预警处置"), "earlywarning:warnings", perm=RIGHTS, order=881),
        NavItem(HEADING, _("预警地图"), "earlywarning:map", perm=RIGHTS, order=882),
        NavItem(HEADING, _("指标登记"), "earlywarning:entries", perm=RIGHTS, order=883),
        NavItem(HEADING, _("法治体检"), "earlywarning:checkups", perm=RIGHTS, order=884),
        NavItem(HEADING, _("整改事项"), "earlywarning:rectifications", perm=RIGHTS, order=885),
        NavItem(HEADING, _("预警方案和体检项目"), "earlywarning:schemes", perm=RIGHTS, order=886),
    )
