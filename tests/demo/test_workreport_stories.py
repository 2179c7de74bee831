"""The work report written from the demo records says the stories' figures as the stories say them:
阜宁's desk (20余场, 20多家企业, 60多个难题, 超300名职工, 超500万元); 商南 (50余场次, 2.5万余人, 120余条,
300余万元, 70%, 41.4%, 1.7万余张, 8200余张, 23家, 70余万元, its first 快递 union);
柳市 (90场, 3.2万人, 8家企业, 8个工作室, 26 and 180 honours, 3200人次, 16 teaching points); 枣庄's first
锂电产业工会 in 2022. Every number equals the figures API's."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gonghui.accounts.models import User
from gonghui.accounts.services import api_token_issue
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import period_default, period_key
from gonghui.reports.workreport.export import draft_pdf
from gonghui.reports.workreport.models import Draft
from gonghui.reports.workreport.selectors import draft_paragraphs
from gonghui.reports.workreport.services import draft_generate
from tests.demo.conftest import Demo
from tests.reports.workreport.pdftext import pdf_text

FUNING = (
    "累计开展专项行动系列活动20余场",
    "为20多家企业解决了60多个难题",
    "帮助超300名职工提升技能水平",
    "预期产生经济效益超500万元",
)


def _report(username: str, code: str, period: str = "") -> tuple[Draft, str]:
    draft = draft_generate(
        actor=User.objects.get(username=username),
        org=OrgNode.objects.get(code=code),
        period=period or period_key(period_default()),
    )
    return draft, "\n".join(p.text for p in draft_paragraphs(draft))


def test_the_demo_has_the_story_unions_reports(demo: Demo, db: None) -> None:
    period = period_key(period_default())
    assert set(Draft.objects.filter(period_key=period).values_list("org__code", flat=True)) >= {
        "funing",
        "shangnan",
        "liushi",
    }


def test_funings_desk_as_the_story_tells_it(demo: Demo, db: None) -> None:
    draft, text = _report("yancheng", "funing")
    assert all(phrase in text for phrase in FUNING), text
    assert "截至目前，阜宁县总工会累计开展专项行动系列活动20余场" in text
    assert "专家库现有劳模工匠和技术骨干30名" in text  # 由30位县级以上劳模（工匠）组成
    pdf = pdf_text(draft_pdf(draft))
    assert all(phrase in pdf for phrase in FUNING)


def test_every_number_is_the_figures_apis(demo: Demo, db: None) -> None:
    draft, _text = _report("yancheng", "funing")
    client = Client(
        headers={
            "Authorization": f"Bearer {api_token_issue(user=User.objects.get(username='yancheng'), name='t').secret}"
        }
    )
    listed = client.get("/api/v1/reports/figures", {"org_code": "funing", "period": draft.period_key})
    assert listed.status_code == 200
    values: dict[str, Any] = {f["key"]: f["value"] for f in listed.json()}
    cited = {run["k"] for p in draft.paragraphs for run in p["runs"] if "k" in run and run["k"] in values}
    assert {"needs_solved", "enterprises_helped", "workers_trained", "benefit", "service_events"} <= cited
    for key in cited:
        assert float(draft.figures[key]["value"]) == pytest.approx(values[key]), key


def test_shangnan_as_the_story_tells_it(demo: Demo, db: None) -> None:
    _draft, text = _report("shangnan", "shangnan")
    for phrase in (
        "开展劳动和技能竞赛50余场次，参赛职工达2.5万余人次",
        "职工提出合理化建议120余条",
        "节约经济价值300余万元",
        "劳动模范获得者中，一线职工占比达70%",
        "职工代表中产业工人占比达到41.4%",
        "办理工会会员旅游年卡1.7万余张，会员服务卡8200余张，发展特惠商户23家",
        "为会员提供“吃穿住行”等优惠额累计70余万元",
        "新成立商南县快递行业工会联合会（本辖区首家快递行业工会联合会）",
        "新就业形态劳动者268人加入工会组织",  # 268名快递小哥加入工会组织
        "其中心理咨询75人次",  # 心理健康疏导75人次
    ):
        assert phrase in text, phrase


def test_liushi_as_the_story_tells_it(demo: Demo, db: None) -> None:
    _draft, text = _report("liushi", "liushi")
    for phrase in (
        "开展普法宣讲90场，惠及职工3.2万人次",
        "在8家企业开展职业技能等级认定自主评价试点",
        "创建劳模（职工）创新工作室8个",
        "推荐的先进个人和集体获评县级荣誉26个、企业级荣誉180个",
        "培训近3200人次",
        "建成各类服务阵地16个，其中职工学校教学点16个",  # 建立“乐工益”教学点16个
    ):
        assert phrase in text, phrase


def test_zaozhuangs_first_lithium_union_in_2022(demo: Demo, db: None) -> None:
    _draft, text = _report("admin", "zaozhuang", "2022")
    assert "新成立枣庄市锂电产业工会（本辖区首家锂电产业工会）" in text
