"""The democracy app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("维权服务"), _("职代会和职工代表"), "democracy:enterprises", order=850),
        NavItem(_("维权服务"), _("职代会会议"), "democracy:sessions", order=851),
        NavItem(_("维权服务"), _("职工代表提案"), "democracy:proposals", order=852),
        NavItem(_("维权服务"), _("厂务公开"), "democracy:disclosures", order=853),
    )
