"""What a list shares with the figures that link to it (ADR 0019, issue 19: every number links to the records it
counts, in scope): the period's bounds, `start` and `end`, as `common.figures.figure_link` passes them.

The union a list narrows to (`under`) is `org_field.under_org`. Each list says which of its dates the bounds
apply to (a payout's 发放日期, a campaign's days, a union's 成立日期), as its figures count them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gonghui.common.widgets import DateInput

# The days a list can be bounded by. Far beyond them a day's bounds overflow (9999-12-31 has no next day) or
# cannot be converted to UTC (0001-01-01); no union record is dated outside them.
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


class SpanForm(forms.Form):
    """`start` and `end` (inclusive), either may be left out; a list's filter form adds its own fields (and
    may relabel start and end for the day they bound: its fields replace these, the checks below stay)."""

    start = forms.DateField(label=_("起始日期"), required=False, widget=DateInput())
    end = forms.DateField(label=_("截止日期"), required=False, widget=DateInput())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in ("start", "end"):
            day = cleaned.get(name)
            if day is not None and not EARLIEST <= day <= LATEST:
                self.add_error(name, _("日期须在1900年至2100年之间。"))  # and it leaves cleaned_data
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise ValidationError({"end": _("截止日期不能早于起始日期。")})
        return cleaned

    def span(self) -> tuple[dt.date | None, dt.date | None]:
        """The bounds of a valid form."""
        return self.cleaned_data.get("start"), self.cleaned_data.get("end")


def flag(value: str | None) -> bool:
    """A yes/no list parameter as links write it (`1`, `on`, `true`); anything else is no."""
    return (value or "").strip().lower() in ("1", "on", "true", "yes")


def kept(request: HttpRequest, *names: str) -> list[tuple[str, str]]:
    """The drill-down's parameters a list's own filter form does not show, to carry as hidden inputs: a search
    typed on a child union's list stays within that union and period."""
    return [(name, request.GET[name]) for name in names if request.GET.get(name, "").strip()]
