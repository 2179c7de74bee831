"""The assistance app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav
from gonghui.orgs.roles import Perm


def register() -> None:
    register_nav(
        NavItem(_("帮扶救助"), _("困难职工档案"), "assistance:files", perm=Perm.ASSISTANCE, order=300),
    )
