"""The benefits app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("会员普惠"), _("会员卡"), "benefits:products", order=700),
        NavItem(_("会员普惠"), _("特惠商户"), "benefits:merchants", order=710),
        NavItem(_("会员普惠"), _("消费券"), "benefits:vouchers", order=720),
        NavItem(_("会员普惠"), _("优惠核销"), "benefits:redemptions", order=730),
        NavItem(_("会员普惠"), _("核销异常"), "benefits:anomalies", order=740),
    )
