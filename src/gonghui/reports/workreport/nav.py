"""The work report's entry in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(NavItem(_("统计"), _("工作报告"), "workreport:list", order=830))
