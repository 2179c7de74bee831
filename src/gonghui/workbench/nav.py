"""Workbench navigation: one entry per module page. Later modules append theirs."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.roles import Perm


@dataclass(frozen=True)
class NavItem:
    module: str | Promise
    label: str | Promise
    url_name: str
    perm: Perm = Perm.VIEW


NAV: list[NavItem] = [
    NavItem(_("工作台"), _("首页"), "workbench:home"),
    NavItem(_("组织建设"), _("组织树"), "orgs:tree"),
    NavItem(_("组织建设"), _("用人单位"), "orgs:enterprises"),
    NavItem(_("会员"), _("会员名册"), "members:list"),
    NavItem(_("会员"), _("入会审核与转会"), "members:pending"),
    NavItem(_("会员"), _("入会目标"), "members:campaigns"),
    NavItem(_("会员"), _("导入名册"), "members:import", Perm.ORG_EDIT),
    NavItem(_("帮扶救助"), _("困难职工档案"), "assistance:files", Perm.ASSISTANCE),
    NavItem(_("帮扶救助"), _("帮扶发放台账"), "assistance:payouts"),
    NavItem(_("帮扶救助"), _("普惠活动"), "campaigns:list"),
    NavItem(_("系统"), _("后台任务"), "workbench:jobs"),
    NavItem(_("系统"), _("审计日志"), "workbench:audit", Perm.AUDIT_VIEW),
]
