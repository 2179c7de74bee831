"""The returns app's entry in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(NavItem(_("统计"), _("统计报表"), "returns:index", order=805))
