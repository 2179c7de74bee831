"""Money and counts as a cadre reads them, and one date format in both languages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from gonghui.common.templatetags.money import count, wan, yuan


def test_yuan_has_thousands_separators_and_rounds_half_up() -> None:
    assert yuan(Decimal("999999")) == "999,999.00"
    assert yuan(Decimal("1234.565")) == "1,234.57"
    assert yuan(Decimal("86000"), 0) == "86,000"
    assert yuan(None) == "" and yuan("not money") == ""


def test_wan_and_count() -> None:
    assert wan(Decimal("1234567")) == "123.46"
    assert wan(Decimal("86000")) == "8.60"
    assert count(2500) == "2,500" and count(None) == ""


def test_dates_read_the_same_in_chinese_and_english() -> None:
    page = Template("{{ d }} · {{ t }}")
    context = Context({"d": dt.date(2026, 12, 2), "t": dt.datetime(2026, 12, 2, 14, 5)})
    for language in ("zh-hans", "en"):
        with translation.override(language):
            assert page.render(context) == "2026-12-02 · 2026-12-02 14:05"


def test_about_says_large_counts_as_the_stories_do() -> None:
    from django.utils import translation

    from gonghui.common.templatetags.money import about

    with translation.override("zh-hans"):
        assert [about(v) for v in (9_999, 17_239, 25_000, 100_000, 8_230, None)] == [
            "",
            "1.7万",
            "2.5万",
            "10万",
            "",
            "",
        ]
        assert about(700_126_000) == "7亿" and about(Decimal("1234567.8")) == "123.5万"
    with translation.override("en"):
        assert about(17_239) == ""
