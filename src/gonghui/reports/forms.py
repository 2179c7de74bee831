"""The figures page's picker: a union in scope and a period (a year with 本年累计, the whole year, a quarter or a
month; or a period key as other pages and the API write it)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Period
from gonghui.orgs.org_field import OrgPickerField
from gonghui.reports.periods import FIRST_YEAR, period_key, period_parse

# Translated when shown, not at import: a lazy string formatted now would keep the start-up language.
_month = lazy(lambda n: gettext("%(n)d月") % {"n": n}, str)

SPANS = [
    ("ytd", _("本年累计")),
    ("year", _("全年")),
    *[(f"q{n}", label) for n, label in enumerate([_("第一季度"), _("第二季度"), _("第三季度"), _("第四季度")], 1)],
    *[(f"m{n}", _month(n)) for n in range(1, 13)],
]


def span_key(year: int, span: str) -> str:
    """The period key a year and a span name: 2026 + q3 → 2026Q3."""
    if span == "ytd":
        return f"{year}-ytd"
    if span.startswith("q"):
        return f"{year}Q{span[1:]}"
    if span.startswith("m"):
        return f"{year}-{int(span[1:]):02d}"
    return str(year)


def span_of(period: Period) -> str:
    return {"to_date": "ytd", "year": "year", "quarter": f"q{period.number}", "month": f"m{period.number}"}[period.kind]


class FiguresForm(forms.Form):
    under = OrgPickerField(label=_("工会组织"), required=False, help_text="")
    year = forms.IntegerField(label=_("年度"), min_value=FIRST_YEAR, max_value=2100, required=False)
    span = forms.ChoiceField(label=_("期间"), choices=SPANS, required=False)
    period = forms.CharField(label=_("统计期间"), max_length=20, required=False)  # a key: 2026Q3, 2026-07 …

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        key = data.get("period") or span_key(
            data.get("year") or timezone.localdate().year,
            # A year alone (the page's older links) means the whole year; nothing at all, this year so far.
            data.get("span") or ("year" if data.get("year") else "ytd"),
        )
        try:
            data["chosen"] = period_parse(key)
        except ValidationError as exc:
            raise ValidationError({"period": exc.messages}) from exc
        return data

    def picked(self) -> dict[str, Any]:
        """What the picker shows for the chosen period (its year and span), with its key."""
        period: Period = self.cleaned_data["chosen"]
        return {"year": period.year, "span": span_of(period), "key": period_key(period)}
