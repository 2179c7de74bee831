"""The members app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav
from gonghui.orgs.roles import Perm


def register() -> None:
    register_nav(
        NavItem(_("会员"), _("会员名册"), "members:list", order=200),
        NavItem(_("会员"), _("入会审核与转会"), "members:pending", order=210),
        NavItem(_("会员"), _("入会目标"), "members:join_targets", order=220),
        NavItem(_("会员"), _("信息变更核实"), "members:changes", perm=Perm.REVIEW, order=230),
        NavItem(_("会员"), _("会员卡核验"), "members:card_scanner", order=240),
        NavItem(_("会员"), _("工会通知"), "members:notices", perm=Perm.ORG_EDIT, order=250),
        NavItem(_("会员"), _("导入名册"), "members:import", perm=Perm.ORG_EDIT, order=260),
    )
