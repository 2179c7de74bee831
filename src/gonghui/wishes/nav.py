"""The wishes app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("关爱服务"), _("微心愿"), "wishes:list", order=750),
        NavItem(_("关爱服务"), _("微心愿规则"), "wishes:caps", order=755),
    )
