"""The appointments app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.navigation import NavItem, register_nav


def register() -> None:
    register_nav(
        NavItem(_("预约服务"), _("服务人员"), "appointments:providers", order=760),
        NavItem(_("预约服务"), _("预约台"), "appointments:desk", order=762),
        NavItem(_("预约服务"), _("预约统计"), "appointments:counts", order=764),
        NavItem(_("预约服务"), _("节假日和联系人"), "appointments:settings", order=766),
        NavItem(_("预约服务"), _("风险提示"), "appointments:risk_flags", order=768),
    )
