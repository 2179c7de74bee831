"""Working days for deadlines such as "pending more than 15 working days"."""

from __future__ import annotations

import datetime as dt


def working_days_before(day: dt.date, count: int) -> dt.date:
    """The date `count` working days (Mon–Fri) before `day`.

    Public holidays and make-up working days (调休) are not modelled yet; weekends only.
    """
    current = day
    remaining = count
    while remaining:
        current -= dt.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current
