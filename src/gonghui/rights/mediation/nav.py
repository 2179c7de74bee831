"""The mediation app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav
from gonghui.orgs.roles import Perm


def register() -> None:
    register_nav(
        NavItem(_("维权服务"), _("劳动争议调解"), "mediation:disputes", perm=Perm.RIGHTS, order=820),
        NavItem(_("维权服务"), _("调解组织"), "mediation:panels", perm=Perm.RIGHTS, order=822),
        NavItem(_("维权服务"), _("调解统计"), "mediation:stats", order=824),
    )
