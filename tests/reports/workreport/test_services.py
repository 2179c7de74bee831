"""Writing a draft: from the figures as they are (each cited number equal to the figures selectors' value),
the cadre's edits kept when it is written again, bad input refused in Chinese with nothing changed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Role
from gonghui.reports.periods import period_parse
from gonghui.reports.selectors import figures_at
from gonghui.reports.workreport import services
from gonghui.reports.workreport.models import Draft
from gonghui.reports.workreport.narrative import plain
from gonghui.reports.workreport.phrasing import percent, phrase
from gonghui.reports.workreport.selectors import draft_paragraphs
from tests.factories import UserFactory, grant, make_org, today
from tests.reports.workreport.conftest import Desk

pytestmark = pytest.mark.django_db

FUNING_DESK = (
    "累计开展专项行动系列活动20余场，为20多家企业解决了60多个难题，"
    "帮助超300名职工提升技能水平，预期产生经济效益超500万元。"
)


def _generate(desk: Desk, **kwargs: object) -> Draft:
    return services.draft_generate(actor=desk.tree.cadre, org=desk.tree.county, period=desk.period, **kwargs)  # type: ignore[arg-type]


def _text(draft: Draft, pid: str) -> str:
    return next(p.text for p in draft_paragraphs(draft) if p.id == pid)


def test_the_report_says_the_figures_as_the_selectors_count_them(desk: Desk) -> None:
    draft = _generate(desk)
    assert (
        _text(draft, "desk")
        == f"截至目前，商南县总工会{FUNING_DESK}专家库现有劳模工匠和技术骨干30名，企业需求随提随派。"
    )
    sheet = figures_at(desk.tree.cadre, desk.tree.county, period_parse(desk.period)).by_key()
    cited = [run for p in draft.paragraphs for run in p["runs"] if "k" in run]
    assert len(cited) >= 8  # the desk's six and the tree's own unions (组织建设)
    for run in cited:
        figure = sheet[run["k"]]
        assert run["t"] in {phrase(figure.value, s) for s in ("exact", "余", "多", "超")} | (
            {percent(figure.value)} if isinstance(figure.value, float) else set()
        )
        entry = draft.figures[run["k"]]
        assert (entry["label"], entry["url"], entry["definition"]) == (
            str(figure.label),
            figure.url,
            str(figure.definition),
        )
    assert draft.figures["benefit"]["value"] == "5022000" and draft.figures["needs_solved"]["value"] == "62"
    assert draft.period_key == desk.period and draft.created_by == desk.tree.cadre and draft.figures_as_of is not None


def test_edits_survive_generating_again_unless_dropped(desk: Desk) -> None:
    draft = _generate(desk)
    services.draft_edit(
        actor=desk.tree.cadre, draft=draft, paragraph_id="desk", text="我们的助企行：解决了60多个难题。"
    )
    services.draft_edit(actor=desk.tree.cadre, draft=draft, paragraph_id="title", text="商南县总工会工作报告（送审稿）")
    desk.values["needs_solved"] = 85
    again = _generate(desk)
    assert again.pk == draft.pk and Draft.objects.count() == 1
    assert "80多个难题" in plain(next(p["runs"] for p in again.paragraphs if p["id"] == "desk"))  # the new number
    shown = {p.id: p for p in draft_paragraphs(again)}
    assert shown["desk"].text == "我们的助企行：解决了60多个难题。" and shown["desk"].edited
    assert "80多个难题" in shown["desk"].generated
    assert str(again) == "商南县总工会工作报告（送审稿）"
    dropped = _generate(desk, keep_edits=False)
    assert dropped.edits == {} and "80多个难题" in _text(dropped, "desk")


def test_an_edited_paragraph_the_figures_no_longer_give_stays_until_reverted(desk: Desk) -> None:
    draft = _generate(desk)
    services.draft_edit(actor=desk.tree.cadre, draft=draft, paragraph_id="desk", text="助企行的总结。")
    desk.values.update(dict.fromkeys(desk.values, 0))
    again = _generate(desk)
    desk_paragraph = next(p for p in draft_paragraphs(again) if p.id == "desk")
    assert desk_paragraph.gone and desk_paragraph.text == "助企行的总结。"
    assert "needs_solved" in again.figures  # the figures its generated text cited stay with it
    reverted = services.draft_revert(actor=desk.tree.cadre, draft=again, paragraph_id="desk")
    assert "desk" not in {p["id"] for p in reverted.paragraphs} and reverted.edits == {}


def test_the_same_text_as_generated_is_no_edit(desk: Desk) -> None:
    draft = _generate(desk)
    generated = _text(draft, "desk")
    services.draft_edit(actor=desk.tree.cadre, draft=draft, paragraph_id="desk", text="改过的文字")
    same = services.draft_edit(actor=desk.tree.cadre, draft=draft, paragraph_id="desk", text=f"  {generated}\r\n")
    assert same.edits == {}


@pytest.mark.parametrize(
    ("pid", "text", "reason"),
    [
        ("desk", "   \n ", "段落不能为空；要用回生成的文字，请选择“恢复生成的文字”。"),
        ("desk", "字" * 5001, "一个段落最多5000字。"),
        ("nowhere", "新的文字", "该报告没有这个段落，请刷新后再试。"),
    ],
)
def test_a_bad_edit_is_refused_and_changes_nothing(desk: Desk, pid: str, text: str, reason: str) -> None:
    draft = _generate(desk)
    services.draft_edit(actor=desk.tree.cadre, draft=draft, paragraph_id="opening", text="开头。")
    before = Draft.objects.values("edits", "updated_at").get(pk=draft.pk)
    with pytest.raises(ValidationError) as refused:
        services.draft_edit(actor=desk.tree.cadre, draft=draft, paragraph_id=pid, text=text)
    assert refused.value.messages == [reason]
    assert Draft.objects.values("edits", "updated_at").get(pk=draft.pk) == before


@pytest.mark.parametrize(
    ("period", "reason"),
    [
        (lambda: f"{today().year + 1}", "统计期间还没有开始，不能统计将来的数字。"),
        (lambda: "2026Q5", "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
        (lambda: "2019", "该工会2020-03-01才成立，所选期间早于成立日期。"),
        (lambda: "2026-13", "月份应在 1 到 12 之间。"),
    ],
)
def test_a_period_that_cannot_be_reported_is_refused_in_chinese(desk: Desk, period: object, reason: str) -> None:
    desk.tree.county.established_on = dt.date(2020, 3, 1)
    desk.tree.county.save(update_fields=["established_on"])
    with pytest.raises(ValidationError) as refused:
        services.draft_generate(actor=desk.tree.cadre, org=desk.tree.county, period=period())  # type: ignore[operator]
    assert refused.value.messages == [reason]
    assert not Draft.objects.exists()


def test_a_union_outside_the_scope_or_without_the_right_is_refused(desk: Desk) -> None:
    with pytest.raises(Http404):
        services.draft_generate(actor=desk.tree.outsider, org=desk.tree.county, period=desk.period)
    reader = UserFactory(username="county-reader")
    grant(reader, desk.tree.county, Role.READONLY)
    with pytest.raises(PermissionDenied):
        services.draft_generate(actor=reader, org=desk.tree.county, period=desk.period)
    assert not Draft.objects.exists()
    draft = _generate(desk)
    with pytest.raises(PermissionDenied):
        services.draft_edit(actor=reader, draft=draft, paragraph_id="desk", text="只读用户的修改")
    with pytest.raises(Http404):
        services.draft_revert(actor=desk.tree.outsider, draft=draft, paragraph_id="desk")
    assert Draft.objects.get().edits == {}


def test_a_grassroots_cadre_writes_the_report_of_their_own_union_only(desk: Desk) -> None:
    own = services.draft_generate(actor=desk.tree.union_cadre, org=desk.tree.union, period=desk.period)
    assert own.org == desk.tree.union and "商南县城关基层工会" in own.title
    with pytest.raises(Http404):
        services.draft_generate(actor=desk.tree.union_cadre, org=desk.tree.other, period=desk.period)


def _trade_union(desk: Desk, name: str, established_on: dt.date) -> OrgNode:
    union = make_org(name, parent=desk.tree.county, kind=OrgKind.SECTOR_FED)
    OrgNode.objects.filter(pk=union.pk).update(established_on=established_on)
    return union


def test_a_new_trade_union_of_the_period_is_told_and_the_first_of_its_kind_is_named(desk: Desk) -> None:
    _trade_union(desk, "商南县快递行业工会联合会", today())
    older = _trade_union(desk, "商南县富水快递行业工会联合会", dt.date(2020, 1, 1))
    text = _text(_generate(desk), "org")
    assert "新成立商南县快递行业工会联合会，把更多职工吸纳到工会组织中来。" in text  # 富水's came first: not 首家
    assert "富水" not in text  # set up before the period
    OrgNode.objects.filter(pk=older.pk).update(name="商南县家政服务行业工会联合会")
    text = _text(_generate(desk), "org")
    assert "新成立商南县快递行业工会联合会（本辖区首家快递行业工会联合会），把更多职工吸纳到工会组织中来。" in text
