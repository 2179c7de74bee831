"""The report's text from figures (no database): clauses left out for missing or zero figures, the period's
wording, families of figures listed, every number a run that knows its figure, edits relinked."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gonghui.common.figures import Figure
from gonghui.reports.periods import month_period, quarter_period, to_date_period, year_period
from gonghui.reports.workreport.narrative import Notable, heading, lead, plain, relink, write
from gonghui.reports.workreport.sections import FLOW, SECTIONS, STOCK, Clause, Listing
from tests.factories import today

UNION = "阜宁县总工会"


def fig(key: str, value: object, unit: str = "个", label: str = "") -> Figure:
    return Figure(key, label or key, value, unit, f"/records/{key}/", f"{key}的口径")  # type: ignore[arg-type]


DESK = {
    f.key: f
    for f in [
        fig("service_events", 24, "场"),
        fig("enterprises_helped", 22, "家"),
        fig("needs_solved", 62),
        fig("workers_trained", 310, "人次"),
        fig("benefit", Decimal("5022000.00"), "元"),
        fig("experts", 30, "人"),
    ]
}


def paragraph(narrative: object, pid: str) -> str:
    found = [p for p in narrative.paragraphs if p["id"] == pid]  # type: ignore[attr-defined]
    assert found, f"no paragraph {pid}"
    return plain(found[0]["runs"])


def test_funing_desk_says_the_storys_figures_this_year_so_far() -> None:
    narrative = write(UNION, to_date_period(today().year, today()), DESK, [])
    assert paragraph(narrative, "desk") == (
        "截至目前，阜宁县总工会累计开展专项行动系列活动20余场，为20多家企业解决了60多个难题，"
        "帮助超300名职工提升技能水平，预期产生经济效益超500万元。专家库现有劳模工匠和技术骨干30名，企业需求随提随派。"
    )
    assert [p["id"] for p in narrative.paragraphs] == ["opening", "desk"]  # nothing else to say
    assert narrative.title == f"阜宁县总工会{today().year}年（截至{today().month}月{today().day}日）工作报告"


def test_every_number_is_a_run_that_knows_its_figure() -> None:
    narrative = write(UNION, year_period(2025), DESK, [])
    runs = next(p for p in narrative.paragraphs if p["id"] == "desk")["runs"]
    cited = [(r["t"], r["k"]) for r in runs if "k" in r]
    assert cited == [
        ("20余", "service_events"),
        ("20多", "enterprises_helped"),
        ("60多", "needs_solved"),
        ("超300", "workers_trained"),
        ("超500万", "benefit"),
        ("30", "experts"),
    ]
    assert narrative.figures["benefit"] == {
        "label": "benefit",
        "value": "5022000",
        "unit": "元",
        "definition": "benefit的口径",
        "url": "/records/benefit/",
    }
    assert set(narrative.figures) == set(DESK)


def test_a_clause_with_a_missing_or_zero_figure_is_left_out() -> None:
    figures = {**DESK, "enterprises_helped": fig("enterprises_helped", 0, "家")}
    figures.pop("workers_trained")
    text = paragraph(write(UNION, year_period(2025), figures, []), "desk")
    assert text.startswith("2025年，阜宁县总工会全年开展专项行动系列活动20余场，预期产生经济效益超500万元。")
    assert (
        "难题" not in text
        and "提升技能" not in text
        and "enterprises_helped" not in write(UNION, year_period(2025), figures, []).figures
    )


def test_a_group_not_counted_for_a_quarter_says_nothing() -> None:
    figures = {**DESK, "needs_solved": fig("needs_solved", None)}
    text = paragraph(write(UNION, quarter_period(2025, 3), figures, []), "desk")
    assert text.startswith("2025年第3季度，阜宁县总工会开展专项行动系列活动20余场，帮助超300名") and "难题" not in text


@pytest.mark.parametrize(
    ("period", "flow", "stock"),
    [
        (year_period(2025), "2025年，阜宁县总工会全年", "截至2025年底，阜宁县总工会"),
        (quarter_period(2025, 3), "2025年第3季度，阜宁县总工会", "截至2025年第3季度末，阜宁县总工会"),
        (month_period(2025, 7), "2025年7月，阜宁县总工会", "截至2025年7月末，阜宁县总工会"),
        (to_date_period(2024, None), "2024年，阜宁县总工会全年", "截至2024年底，阜宁县总工会"),
    ],
)
def test_a_sentence_opens_with_the_period(period: object, flow: str, stock: str) -> None:
    assert lead(FLOW, period, UNION) == flow  # type: ignore[arg-type]
    assert lead(STOCK, period, UNION) == stock  # type: ignore[arg-type]


def test_this_year_so_far_is_said_as_of_now_and_累计() -> None:
    now = to_date_period(today().year, today())
    assert lead(FLOW, now, UNION) == "截至目前，阜宁县总工会累计"
    assert lead(STOCK, now, UNION) == "截至目前，阜宁县总工会"
    assert lead(FLOW, now, "") == "今年以来，" and lead(FLOW, year_period(2025), "") == "全年"
    this_year = year_period(today().year)  # not over yet: not 全年
    assert lead(FLOW, this_year, UNION) == "截至目前，阜宁县总工会累计"
    assert lead(STOCK, this_year, UNION) == "截至目前，阜宁县总工会"


def test_a_paragraphs_second_lead_does_not_name_the_union_again() -> None:
    figures = {f.key: f for f in [fig("orgs_total", 56), fig("orgs_new", 3), fig("members_joined", 268, "人")]}
    text = paragraph(write("乐清市柳市镇总工会", year_period(2025), figures, []), "org")
    assert text == "截至2025年底，乐清市柳市镇总工会共有各级工会组织56个。全年新建工会组织3个，发展会员260余人。"


def test_a_family_of_figures_is_listed_with_its_labels() -> None:
    figures = {
        f.key: f
        for f in [
            fig("stations", 46),
            fig("stations_kind_bookhouse", 14, label="职工书屋"),
            fig("stations_kind_maternal", 0, label="母婴关爱室"),
            fig("stations_kind_drivers", 1, label="司机之家"),
        ]
    }
    runs = next(p for p in write(UNION, year_period(2025), figures, []).paragraphs if p["id"] == "service")["runs"]
    assert plain(runs) == "截至2025年底，阜宁县总工会建成各类服务阵地46个，其中职工书屋14个、司机之家1个。"
    assert [r["k"] for r in runs if "k" in r] == ["stations", "stations_kind_bookhouse", "stations_kind_drivers"]


def test_a_clause_said_only_for_some_periods() -> None:
    figures = {
        "discount_total": fig("discount_total", Decimal("700126.89"), "元"),
        "discount_year": fig("discount_year", Decimal(331095), "元"),
    }
    so_far = paragraph(write(UNION, to_date_period(today().year, today()), figures, []), "service")
    assert so_far == "为会员提供“吃穿住行”等优惠额累计70余万元。"
    assert paragraph(write(UNION, year_period(2025), figures, []), "service") == "为会员提供“吃穿住行”等优惠30余万元。"


def test_shares_are_said_with_one_decimal() -> None:
    figures = {"model_worker_front_line_share": fig("model_worker_front_line_share", 70.0, "%")}
    text = paragraph(write("商南县总工会", year_period(2025), figures, []), "innovation")
    assert text == "劳动模范获得者中，一线职工占比达70%。"


def test_a_notable_item_joins_its_section_with_its_record_linked() -> None:
    item = Notable(
        "innovation",
        [{"t": "其中，“"}, {"t": "电缆桥架防鼠挡板", "k": "project-9"}, {"t": "”效益最大。"}],
        {
            "project-9": {
                "label": "效益最大的五小项目",
                "value": "48000",
                "unit": "元",
                "definition": "…",
                "url": "/p/9/",
            }
        },
    )
    narrative = write(UNION, year_period(2025), {"proposals": fig("proposals", 124, "条")}, [item])
    assert paragraph(narrative, "innovation") == "职工提出合理化建议120余条。其中，“电缆桥架防鼠挡板”效益最大。"
    assert narrative.figures["project-9"]["url"] == "/p/9/"


def test_headings_are_numbered_in_chinese() -> None:
    assert [heading(n, "组织建设") for n in (1, 2, 10, 12)] == [
        "一、组织建设",
        "二、组织建设",
        "十、组织建设",
        "十二、组织建设",
    ]


def test_an_edited_paragraph_keeps_the_figures_it_still_says() -> None:
    runs = [
        {"t": "为"},
        {"t": "20多", "k": "enterprises_helped"},
        {"t": "家企业解决了"},
        {"t": "60多", "k": "needs_solved"},
    ]
    edited = relink("我们为120多家、20多家企业解决了60多个难题", runs)
    assert [(r["t"], r.get("k")) for r in edited] == [
        ("我们为120多家、", None),  # "20多" inside "120多" is not the figure
        ("20多", "enterprises_helped"),
        ("家企业解决了", None),
        ("60多", "needs_solved"),
        ("个难题", None),
    ]
    assert relink("全部改写", runs) == [{"t": "全部改写"}]


def test_the_table_uses_each_paragraph_id_once_and_lists_families_by_prefix() -> None:
    keys = [section.key for section in SECTIONS]
    assert len(keys) == len(set(keys)) and "opening" not in keys and "title" not in keys
    listings = [c for s in SECTIONS for sentence in s.sentences for c in sentence.clauses if isinstance(c, Listing)]
    assert {listing.prefix for listing in listings} == {
        "stations_kind_",
        "appointments_kind_",
        "honors_",
        "contracts_kind_",
    }
    assert all(isinstance(c, Clause | Listing) for s in SECTIONS for sentence in s.sentences for c in sentence.clauses)
