"""The certification app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("技能提升"), _("认定试点企业"), "certification:pilots", order=776),
        NavItem(_("技能提升"), _("认定批次"), "certification:batches", order=777),
        NavItem(_("技能提升"), _("认定结果"), "certification:results", order=778),
    )
