"""Numbers as the stories write them: each row is a value, the style its sentence asks for, and the phrase."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gonghui.reports.workreport.phrasing import Style, percent, phrase

EXACT, ABOUT, MORE, OVER = Style.EXACT, Style.ABOUT, Style.MORE, Style.OVER

CASES = [
    # the issue's four: 268名快递小哥, 服务卡8200余张 (the demo holds 8,230), 慰问金6.5万元, 超500万元
    (268, EXACT, "名", "268名"),
    (8_230, ABOUT, "", "8200余"),
    (65_000, EXACT, "", "6.5万"),
    (5_020_000, OVER, "", "超500万"),
    # 阜宁's desk: 24 activity days, 22 enterprises, 62 problems, 310 workers, 5,022,000 yuan
    (24, ABOUT, "场", "20余场"),
    (22, MORE, "家", "20多家"),
    (62, MORE, "个", "60多个"),
    (310, OVER, "名", "超300名"),
    (5_022_000, OVER, "元", "超500万元"),
    # 商南
    (124, ABOUT, "条", "120余条"),
    (3_120_000, ABOUT, "元", "300余万元"),
    (52, ABOUT, "场次", "50余场次"),
    (25_600, ABOUT, "人", "2.5万余人"),
    (17_239, ABOUT, "张", "1.7万余张"),
    (Decimal("700126.89"), ABOUT, "元", "70余万元"),
    (419, EXACT, "名", "419名"),
    (Decimal("53000.00"), EXACT, "元", "5.3万元"),
    (3_000, EXACT, "元", "3000元"),
    # 柳市
    (15_580, EXACT, "家", "15580家"),
    (3_199, ABOUT, "人次", "近3200人次"),
    (32_000, ABOUT, "人", "3.2万人"),
    (1_050, MORE, "人", "1000多人"),
    # 近: just below a round number
    (2_950, ABOUT, "人", "近3000人"),
    (198_000, ABOUT, "人", "近20万人"),
    (19, ABOUT, "人", "近20人"),
    (9_990, ABOUT, "", "近1万"),
    # nothing lost: said exactly
    (8_200, ABOUT, "张", "8200张"),
    (300, OVER, "人", "300人"),
    (7, ABOUT, "人", "7人"),
    (0, ABOUT, "", "0"),
    # 超 only just above; further above it would undersell
    (390, OVER, "人", "390人"),
    (470, OVER, "人", "470人"),
    (3_900, OVER, "", "3900"),
    (4_730, OVER, "", "4700余"),
    # a leading 1 keeps two digits in 万 and 亿
    (185_000, ABOUT, "元", "18万余元"),
    (12_345_678, ABOUT, "元", "1200余万元"),
    (123_456_789, ABOUT, "元", "1.2亿余元"),
    (250_000_000, EXACT, "元", "2.5亿元"),
    (300_000, EXACT, "元", "30万元"),
    (Decimal("2345.50"), EXACT, "元", "2345.5元"),
    (2_860, ABOUT, "人", "2800余人"),
    (97, ABOUT, "", "90余"),
]


@pytest.mark.parametrize(("value", "style", "unit", "expected"), CASES)
def test_a_number_as_the_stories_say_it(value: object, style: Style, unit: str, expected: str) -> None:
    assert phrase(value, style, unit) == expected  # type: ignore[arg-type]


def test_the_table_is_long_enough_and_holds_the_issues_four() -> None:
    assert len(CASES) >= 25
    said = {(value, expected) for value, _style, _unit, expected in CASES}
    assert {(268, "268名"), (65_000, "6.5万"), (5_020_000, "超500万")} <= said
    assert phrase(8_230, ABOUT) == "8200余" and phrase(8_200, ABOUT) == "8200"  # 余 only when more was cut off


@pytest.mark.parametrize(
    ("value", "expected"),
    [(70.0, "70%"), (41.4, "41.4%"), (33.333, "33.3%"), (82.75, "82.8%"), (100, "100%"), ("0.04", "0%")],
)
def test_a_share_has_one_decimal_dropped_when_whole(value: object, expected: str) -> None:
    assert percent(value) == expected  # type: ignore[arg-type]


def test_styles_by_their_chinese_words_and_bad_values_refused() -> None:
    assert phrase(62, "多") == "60多" and phrase(310, "超") == "超300" and phrase(268, "exact") == "268"
    with pytest.raises(ValueError, match="not a number"):
        phrase("很多")
    with pytest.raises(ValueError):
        phrase(5, "大约")
