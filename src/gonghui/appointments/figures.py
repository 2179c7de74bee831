"""预约服务 figures for a union's subtree and any period (ADR 0019), by when the appointment starts: appointments
by type, done, no-show; each links to the counts page (per type and month, and per union; numbers only, never a
note or who saw whom) narrowed to the subtree, the period's days, the type, and what the page's total counts."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from gonghui.appointments.choices import LIVE, AppointmentStatus, ServiceKind
from gonghui.appointments.models import Appointment
from gonghui.common.figures import (
    Figure,
    Period,
    as_period,
    figure_link,
    on_days,
    register_figures,
    with_definitions,
)
from gonghui.orgs.models import OrgNode

DEFINITIONS = {
    "appointments": _("本期开始的、本会及下级工会服务人员的预约次数（不含已取消的）。"),
    "appointments_kind": _("按服务类型统计的本期预约次数（不含已取消的）。"),
    "appointments_done": _("本期开始、服务人员登记为已完成的预约次数。"),
    "appointments_no_show": _("本期开始、服务人员登记为未到场的预约次数。"),
}


def appointment_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    qs = Appointment.objects.filter(
        on_days("starts_at", period.start, period.end), provider__org__path__startswith=org.path
    )
    counts = qs.aggregate(
        held=Count("pk", filter=Q(status__in=LIVE)),
        done=Count("pk", filter=Q(status=AppointmentStatus.DONE)),
        no_show=Count("pk", filter=Q(status=AppointmentStatus.NO_SHOW)),
        **{f"kind_{k}": Count("pk", filter=Q(status__in=LIVE, kind=k)) for k in ServiceKind.values},
    )
    link = lambda **params: figure_link("appointments:counts", org, period=period, **params)  # noqa: E731
    figures = [
        Figure("appointments", _("预约服务"), counts["held"], _("次"), link()),
        *(
            Figure(f"appointments_kind_{k.value}", k.label, counts[f"kind_{k.value}"], _("次"), link(kind=k.value))
            for k in ServiceKind
            if counts[f"kind_{k.value}"]
        ),
        Figure("appointments_done", _("已完成的预约"), counts["done"], _("次"), link(status=AppointmentStatus.DONE)),
        Figure(
            "appointments_no_show",
            _("未到场的预约"),
            counts["no_show"],
            _("次"),
            link(status=AppointmentStatus.NO_SHOW),
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("appointments", _("预约服务"), appointment_figures, order=65, periodic=True)
