import datetime as dt

from django.utils import translation

from gonghui.common.widgets import DateInput


def test_date_picker_value_is_iso_in_chinese_and_english() -> None:
    for language in ("zh-hans", "en"):
        with translation.override(language):
            html = DateInput().render("paid_on", dt.date(2026, 1, 5))
        assert 'type="date"' in html and 'value="2026-01-05"' in html
