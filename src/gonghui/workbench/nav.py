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
    perm: Perm | None = Perm.VIEW  # None: any signed-in user (e.g. a panel reviewer without a staff role)


NAV: list[NavItem] = [
    NavItem(_("工作台"), _("首页"), "workbench:home"),
    NavItem(_("组织建设"), _("组织树"), "orgs:tree"),
    NavItem(_("组织建设"), _("用人单位"), "orgs:enterprises"),
    NavItem(_("会员"), _("会员名册"), "members:list"),
    NavItem(_("会员"), _("入会审核与转会"), "members:pending"),
    NavItem(_("会员"), _("入会目标"), "members:join_targets"),
    NavItem(_("会员"), _("信息变更核实"), "members:changes", Perm.REVIEW),
    NavItem(_("会员"), _("会员卡核验"), "members:card_scanner"),
    NavItem(_("会员"), _("工会通知"), "members:notices", Perm.ORG_EDIT),
    NavItem(_("会员"), _("导入名册"), "members:import", Perm.ORG_EDIT),
    NavItem(_("帮扶救助"), _("困难职工档案"), "assistance:files", Perm.ASSISTANCE),
    NavItem(_("帮扶救助"), _("帮扶发放台账"), "ledger:payouts"),
    NavItem(_("帮扶救助"), _("普惠活动"), "campaigns:list"),
    NavItem(_("建功立业"), _("五小申报批次"), "innovation:calls"),
    NavItem(_("建功立业"), _("五小项目"), "innovation:projects"),
    NavItem(_("建功立业"), _("我的评审"), "innovation:queue", None),
    NavItem(_("建功立业"), _("合理化建议"), "innovation:proposals"),
    NavItem(_("建功立业"), _("创新工作室"), "innovation:studios"),
    NavItem(_("建功立业"), _("劳模工匠与全员创新企业评选"), "innovation:rounds"),
    NavItem(_("劳模工匠助企行"), _("企业需求"), "experts:needs"),
    NavItem(_("劳模工匠助企行"), _("专家库"), "experts:pool"),
    NavItem(_("统计"), _("工作统计"), "reports:figures"),
    NavItem(_("系统"), _("工作人员账号"), "orgs:staff_list", Perm.STAFF_MANAGE),
    NavItem(_("系统"), _("后台任务"), "workbench:jobs"),
    NavItem(_("系统"), _("审计日志"), "workbench:audit", Perm.AUDIT_VIEW),
]
