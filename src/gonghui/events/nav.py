"""The events app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(pgettext_lazy("event", "活动"), _("活动列表"), "events:list", order=620),
        NavItem(pgettext_lazy("event", "活动"), _("队伍报名"), "events:team_events", order=630),
    )
