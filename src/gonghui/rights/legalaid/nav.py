"""The legalaid app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("维权服务"), _("法律咨询"), "legalaid:consultations", order=800),
        NavItem(_("维权服务"), _("法律援助案件"), "legalaid:cases", order=802),
    )
