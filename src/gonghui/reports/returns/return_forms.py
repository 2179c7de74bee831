"""The return forms (统计报表), defined in code: each is a set of registered figure keys in a fixed order, under
section headings, filed by some kinds of union for a kind of period, due some days after the period ends.

A form lists only periodic figures (ADR 0019: a figure counted by year has no value for a month); every key
must exist in `reports.catalogue` — `tests/reports/returns/test_return_forms.py` holds every form to that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.figures import Period
from gonghui.orgs.kinds import OrgKind as K
from gonghui.reports.periods import month_period, quarter_period, year_period
from gonghui.reports.returns.choices import PeriodKind

# Federations file to the federation above; the province is the top of the platform and files to no one here.
FILING_FEDERATIONS = frozenset({K.FED_CITY, K.FED_COUNTY, K.TOWN, K.INDUSTRY, K.SECTOR_FED})
GRASSROOTS = frozenset({K.GRASSROOTS, K.JOINT})


@dataclass(frozen=True)
class Section:
    title: Any
    keys: tuple[str, ...]


@dataclass(frozen=True)
class ReturnForm:
    key: str
    name: Any
    period_kind: str  # PeriodKind
    sections: tuple[Section, ...]
    kinds: frozenset[str]  # the kinds of union that file it
    due_days: int  # days after the period's last day: 5 → the 5th of the next month
    lookback: int  # how many past periods a union's list of returns shows
    note: Any = ""

    @property
    def keys(self) -> list[str]:
        return [key for section in self.sections for key in section.keys]

    def rows(self) -> Iterator[tuple[Any, str]]:
        """(section title, figure key) in the form's order."""
        for section in self.sections:
            for key in section.keys:
                yield section.title, key

    def files(self, kind: str) -> bool:
        return kind in self.kinds

    def due_on(self, period: Period) -> dt.date:
        return period.end + dt.timedelta(days=self.due_days)

    def latest_ended(self, today: dt.date) -> Period:
        """The newest period of the form's kind that ended before today (the one being reported now)."""
        if self.period_kind == PeriodKind.MONTH:
            year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
            return month_period(year, month)
        if self.period_kind == PeriodKind.QUARTER:
            quarter = (today.month - 1) // 3
            return quarter_period(today.year, quarter) if quarter else quarter_period(today.year - 1, 4)
        return year_period(today.year - 1)

    def previous(self, period: Period) -> Period:
        if self.period_kind == PeriodKind.MONTH:
            return (
                month_period(period.year, period.number - 1) if period.number > 1 else month_period(period.year - 1, 12)
            )
        if self.period_kind == PeriodKind.QUARTER:
            return (
                quarter_period(period.year, period.number - 1)
                if period.number > 1
                else quarter_period(period.year - 1, 4)
            )
        return year_period(period.year - 1)

    def following(self, period: Period) -> Period:
        if self.period_kind == PeriodKind.MONTH:
            return (
                month_period(period.year, period.number + 1) if period.number < 12 else month_period(period.year + 1, 1)
            )
        if self.period_kind == PeriodKind.QUARTER:
            return (
                quarter_period(period.year, period.number + 1)
                if period.number < 4
                else quarter_period(period.year + 1, 1)
            )
        return year_period(period.year + 1)

    def recent(self, today: dt.date, established_on: dt.date | None) -> list[Period]:
        """The last `lookback` ended periods, newest first, leaving out those that ended before the union was set up."""
        periods, period = [], self.latest_ended(today)
        for _step in range(self.lookback):
            if established_on and period.end < established_on:
                break
            periods.append(period)
            period = self.previous(period)
        return periods

    def check_period(self, period: Period) -> None:
        if period.kind == self.period_kind:
            return
        example = {"month": "2026-07", "quarter": "2026Q3", "year": "2026"}[self.period_kind]
        raise ValidationError(
            _("%(form)s是%(kind)s，统计期间应写作如 %(example)s。")
            % {"form": self.name, "kind": PeriodKind(self.period_kind).label, "example": example},
            code="period_kind",
        )


RETURN_FORMS: dict[str, ReturnForm] = {
    form.key: form
    for form in (
        ReturnForm(
            key="members-monthly",
            name=gettext_lazy("月度入会统计表"),
            period_kind=PeriodKind.MONTH,
            sections=(
                Section(
                    gettext_lazy("本月入会和会籍变动"),
                    (
                        "members_joined",
                        "members_joined_new_forms",
                        "members_transfers_in",
                        "members_transfers_out",
                        "members_left",
                    ),
                ),
                Section(
                    gettext_lazy("月末在册会员"),
                    ("members_total", "members_women", "members_migrant", "members_new_forms"),
                ),
            ),
            kinds=FILING_FEDERATIONS,
            due_days=5,
            lookback=6,
            note=gettext_lazy("各级工会于次月5日前报送上级工会；数字由会员名册自动生成，不需手工填写。"),
        ),
        ReturnForm(
            key="assistance-quarterly",
            name=gettext_lazy("季度帮扶救助统计表"),
            period_kind=PeriodKind.QUARTER,
            sections=(
                Section(
                    gettext_lazy("困难职工建档"),
                    ("assistance_applied", "assistance_opened", "assistance_closed", "assistance_on_file"),
                ),
                Section(gettext_lazy("走访慰问"), ("assistance_visits",)),
                Section(
                    gettext_lazy("帮扶发放"),
                    (
                        "ledger_payouts",
                        "ledger_amount",
                        "ledger_kind_living",
                        "ledger_kind_medical",
                        "ledger_kind_study",
                        "ledger_people",
                    ),
                ),
                Section(
                    gettext_lazy("四季送和专项慰问"),
                    ("campaigns_held", "campaigns_people", "campaigns_amount"),
                ),
            ),
            kinds=FILING_FEDERATIONS,
            due_days=15,
            lookback=4,
            note=gettext_lazy("各级工会于季度结束后15日内报送上级工会。"),
        ),
        ReturnForm(
            key="orgs-yearly",
            name=gettext_lazy("年度工会基层组织统计表"),
            period_kind=PeriodKind.YEAR,
            sections=(
                Section(
                    gettext_lazy("工会组织"),
                    (
                        "orgs_total",
                        "orgs_grassroots",
                        "orgs_kind_joint",
                        "orgs_new",
                        "orgs_new_grassroots",
                    ),
                ),
                Section(gettext_lazy("建会企业"), ("orgs_enterprises", "orgs_enterprise_workers")),
                Section(
                    gettext_lazy("会员"),
                    ("members_total", "members_women", "members_migrant", "members_new_forms", "members_joined"),
                ),
            ),
            kinds=FILING_FEDERATIONS | GRASSROOTS,
            due_days=31,
            lookback=2,
            note=gettext_lazy("基层工会和各级工会于次年1月31日前报送上级工会，年末数为12月31日在册数。"),
        ),
    )
}


def return_forms() -> list[ReturnForm]:
    return list(RETURN_FORMS.values())


def return_form_get(key: str) -> ReturnForm:
    form = RETURN_FORMS.get((key or "").strip())
    if form is None:
        raise ValidationError(_("没有这个统计报表：%(key)s") % {"key": (key or "")[:50]}, code="form")
    return form


def forms_filed_by(kind: str) -> list[ReturnForm]:
    return [form for form in RETURN_FORMS.values() if form.files(kind)]
