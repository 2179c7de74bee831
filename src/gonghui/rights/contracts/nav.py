"""The contracts app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("维权服务"), _("集体合同"), "contracts:list", order=855),
        NavItem(_("维权服务"), _("即将到期的合同"), "contracts:expiring", order=856),
    )
