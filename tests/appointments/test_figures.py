"""预约服务 figures count appointments in the period they start in (the World's two appointments, moved to known
days last year)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from gonghui.appointments.choices import AppointmentStatus
from gonghui.appointments.figures import appointment_figures
from gonghui.appointments.models import Appointment
from gonghui.common.figures import FIGURE_GROUPS
from gonghui.reports.periods import month_period, quarter_period, year_period
from tests.factories import today
from tests.world import World


def test_appointments_count_in_the_period_they_start_in(world: World, django_assert_num_queries: Any) -> None:
    y = today().year - 1
    for appointment, day, status in (
        (world.appointments.upcoming, dt.date(y, 3, 10), AppointmentStatus.DONE),
        (world.appointments.past, dt.date(y, 8, 1), AppointmentStatus.NO_SHOW),
    ):
        starts = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
        ends = starts + dt.timedelta(minutes=50)
        Appointment.objects.filter(pk=appointment.pk).update(starts_at=starts, ends_at=ends, status=status)

    def values(period: Any) -> dict[str, Any]:
        return {f.key: f.value for f in appointment_figures(world.county_a, period)}

    q1, q3 = values(quarter_period(y, 1)), values(quarter_period(y, 3))
    assert (q1["appointments"], q1["appointments_done"], q1["appointments_no_show"]) == (1, 1, 0)
    assert (q3["appointments"], q3["appointments_done"], q3["appointments_no_show"]) == (1, 0, 1)
    assert values(month_period(y, 3)) == q1 and values(year_period(y))["appointments"] == 2
    assert values(quarter_period(y, 2))["appointments"] == 0 and values(y) == values(year_period(y))
    assert values(year_period(y))["appointments"] == 2 and FIGURE_GROUPS["appointments"].periodic
    assert {f.key: f.value for f in appointment_figures(world.county_b, year_period(y))}["appointments"] == 0
    with django_assert_num_queries(1):
        appointment_figures(world.county_a, year_period(y))
