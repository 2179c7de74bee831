"""The experts app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("劳模工匠助企行"), _("企业需求"), "experts:needs", order=500),
        NavItem(_("劳模工匠助企行"), _("专家库"), "experts:pool", order=510),
    )
