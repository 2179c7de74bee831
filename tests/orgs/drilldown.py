"""Following a figure's link (or an alert's) to the list it counts, as a cadre's click does."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from django.test import Client

from gonghui.common.figures import Period
from gonghui.reports.periods import month_period, quarter_period, to_date_period
from tests.factories import today


def client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def follow(client: Client, url: str, **extra: Any) -> str:
    """The page at a figure's url, with `extra` parameters added (a later value wins); it must answer 200."""
    response = client.get(f"{url}{'&' if '?' in url else '?'}{urlencode(extra)}" if extra else url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def bounds(period: Period) -> dict[str, str]:
    """A period's bounds as the lists take them."""
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def found(page: str) -> int:
    """The number a list says it holds (its "共 N …" line, id="found")."""
    line = re.search(r'id="found">([^<]*)', page)
    assert line is not None, "the list states no total"
    number = re.search(r"共 ([\d,]+) ", line.group(1))
    assert number is not None, line.group(1)
    return int(number.group(1).replace(",", ""))


# The periods a domain's drill-down test follows its figures' links for: a quarter and a month of last year (its
# records are all in the past) and this year so far. Lambdas: computed when a test runs, never at collection.
PERIODS = {
    "quarter": lambda: quarter_period(today().year - 1, 3),
    "month": lambda: month_period(today().year - 1, 9),
    "to_date": lambda: to_date_period(today().year),
}
