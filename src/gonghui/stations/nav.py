"""The stations app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("服务阵地"), _("阵地地图"), "stations:map", order=600),
        NavItem(_("服务阵地"), _("阵地列表"), "stations:list", order=610),
        NavItem(_("服务阵地"), _("星级评定"), "stations:ratings", order=620),
        NavItem(_("服务阵地"), _("阵地预约"), "stations:bookings", order=630),
    )
