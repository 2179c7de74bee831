"""The benefits app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("会员普惠"), _("会员卡"), "benefits:products", order=700),
        NavItem(_("会员普惠"), _("特惠商户"), "benefits:merchants", order=710),
    )
