"""The 五小 chain end to end: submission rules, recommendation, panel scoring, ranking, quotas, notice, awards."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from gonghui.innovation.choices import Grade, ProjectStatus, StageStatus
from gonghui.innovation.models import CallQuota, Project, ReviewStage
from gonghui.innovation.projects.results import (
    call_announce,
    call_confirm_awards,
    grade_for,
    objection_raise,
    objection_resolve,
)
from gonghui.innovation.projects.review import level_close, scorecard_submit, stage_recommend
from gonghui.innovation.projects.review_chain import review_chain
from gonghui.orgs.roles import Role
from tests.factories import UserFactory, grant
from tests.innovation.conftest import Contest, points


def _stage(project: Project) -> ReviewStage:
    return project.stages.get(order=Project.objects.get(pk=project.pk).stage_order)


def _to_county(contest: Contest, project: Project) -> ReviewStage:
    stage_recommend(actor=contest.world.users["owner"], stage=_stage(project), recommend=True)
    return _stage(project)


def _score(contest: Contest, stage: ReviewStage, who: tuple[str, ...], *values: float) -> None:
    for name in who:
        scorecard_submit(actor=contest.reviewers[name], stage=stage, points=points(contest.rubric, *values))


def test_the_chain_runs_from_the_union_through_each_federation_to_the_call(contest: Contest) -> None:
    w = contest.world
    assert review_chain(w.union_a, w.root) == [(w.union_a, False), (w.county_a, True), (w.root, True)]
    assert review_chain(w.county_a, w.root) == [(w.county_a, True), (w.root, True)]
    assert review_chain(w.union_b, w.county_a) == []  # another county's union is outside a county call


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"pledge": False}, "pledge", "承诺"),
        ({"benefit_method": ""}, "benefit_method", "计算方法"),
        ({"team": [" "]}, "team", "负责人"),
        ({"problem": "太慢"}, "problem", "至少 10 个字"),
    ],
)
def test_a_bad_submission_is_refused_field_by_field(
    contest: Contest, overrides: dict, field: str, message: str
) -> None:
    before = Project.objects.count()
    with pytest.raises(ValidationError) as exc:
        contest.submit(**overrides)
    assert message in exc.value.message_dict[field][0]
    assert Project.objects.count() == before


def test_submissions_outside_the_call_window_or_another_unions_enterprise_are_refused(contest: Contest) -> None:
    with pytest.raises(ValidationError, match="企业不属于"):
        contest.submit(enterprise=contest.other_enterprise)
    contest.call.closes_on = timezone.localdate() - dt.timedelta(days=1)
    contest.call.save()
    with pytest.raises(ValidationError, match="现在不能申报"):
        contest.submit()


def test_recommendation_opens_the_county_level_and_a_refusal_needs_a_reason(contest: Contest) -> None:
    first, second = contest.submit("甲"), contest.submit("乙")
    stage = _to_county(contest, first)
    assert (stage.org, stage.scored, Project.objects.get(pk=first.pk).stage_order) == (contest.world.county_a, True, 1)
    with pytest.raises(ValidationError, match="原因"):
        stage_recommend(actor=contest.world.users["owner"], stage=_stage(second), recommend=False)
    stage_recommend(actor=contest.world.users["owner"], stage=_stage(second), recommend=False, note="与去年项目重复")
    assert Project.objects.get(pk=second.pk).status == ProjectStatus.REJECTED


def test_a_union_cannot_recommend_beyond_its_quota(contest: Contest) -> None:
    CallQuota.objects.create(call=contest.call, org=contest.world.union_a, quota=1)
    first, second = contest.submit("甲"), contest.submit("乙")
    _to_county(contest, first)
    with pytest.raises(ValidationError, match="推荐名额（1 项）已用完"):
        stage_recommend(actor=contest.world.users["owner"], stage=_stage(second), recommend=True)


def test_only_panel_reviewers_score_and_a_conflicted_one_must_stand_aside(contest: Contest) -> None:
    stage = _to_county(contest, contest.submit())
    with pytest.raises(PermissionDenied):
        scorecard_submit(actor=contest.reviewers["city1"], stage=stage, points=points(contest.rubric, 1, 1, 1, 1))
    with pytest.raises(ValidationError, match="回避"):
        scorecard_submit(actor=contest.reviewers["conflicted"], stage=stage, points=points(contest.rubric, 1, 1, 1, 1))
    with pytest.raises(ValidationError) as exc:
        scorecard_submit(actor=contest.reviewers["county1"], stage=stage, points=points(contest.rubric, 31, 1, 1, 1))
    assert "0 到 30" in str(exc.value)
    _score(contest, stage, ("county1",), 20, 20, 20, 10)
    _score(contest, stage, ("county1",), 25, 25, 20, 10)  # re-scoring before the level closes replaces the card
    assert stage.scorecards.get().total == Decimal(80)


def test_a_reviewer_who_is_a_team_member_must_stand_aside(contest: Contest) -> None:
    from gonghui.innovation.models import PanelSeat

    project = contest.submit()
    stage = _to_county(contest, project)
    leader = project.team.get(is_leader=True)
    leader.person = contest.world.member.person
    leader.save()
    PanelSeat.objects.filter(user=contest.reviewers["county2"]).update(person=contest.world.member.person)
    with pytest.raises(ValidationError, match="团队成员"):
        scorecard_submit(actor=contest.reviewers["county2"], stage=stage, points=points(contest.rubric, 1, 1, 1, 1))


def test_closing_a_level_needs_enough_scorecards_then_ranks_and_forwards_within_quota(contest: Contest) -> None:
    w = contest.world
    CallQuota.objects.create(call=contest.call, org=w.county_a, quota=2)
    projects = [contest.submit(t) for t in ("甲", "乙", "丙", "丁")]
    stages = [_to_county(contest, p) for p in projects]
    _score(contest, stages[0], ("county1",), 20, 20, 20, 10)
    with pytest.raises(ValidationError, match="评分人数不足 2 人"):
        level_close(actor=w.users["owner"], call=contest.call, org=w.county_a)
    _score(contest, stages[0], ("county2",), 20, 20, 20, 10)  # 70
    _score(contest, stages[1], ("county1", "county2"), 28, 28, 22, 14)  # 92
    _score(contest, stages[2], ("county1", "county2"), 25, 25, 20, 10)  # 80
    _score(contest, stages[3], ("county1", "county2"), 10, 10, 10, 5)  # 35: below the merit score
    with pytest.raises(PermissionDenied):
        level_close(actor=grant(UserFactory(), w.county_a, Role.READONLY).user, call=contest.call, org=w.county_a)
    level_close(actor=w.users["owner"], call=contest.call, org=w.county_a)
    result = {s.project.title: (s.rank, s.status, s.average) for s in ReviewStage.objects.filter(org=w.county_a)}
    assert result == {
        "乙": (1, StageStatus.PASSED, Decimal("92.00")),
        "丙": (2, StageStatus.PASSED, Decimal("80.00")),
        "甲": (3, StageStatus.FAILED, Decimal("70.00")),  # beyond the county's quota of 2
        "丁": (4, StageStatus.FAILED, Decimal("35.00")),
    }
    assert set(ReviewStage.objects.filter(org=w.root).values_list("project__title", flat=True)) == {"乙", "丙"}
    assert Project.objects.get(title="甲").status == ProjectStatus.REJECTED


def _through_city(contest: Contest, scores: dict[str, float]) -> None:
    w = contest.world
    for title in scores:
        _to_county(contest, contest.submit(title))
    for stage in ReviewStage.objects.filter(org=w.county_a):
        _score(contest, stage, ("county1", "county2"), 25, 25, 20, 10)
    level_close(actor=w.users["owner"], call=contest.call, org=w.county_a)
    for stage in ReviewStage.objects.filter(org=w.root).select_related("project"):
        value = scores[stage.project.title]
        _score(contest, stage, ("city1", "city2"), value * 0.3, value * 0.3, value * 0.25, value * 0.15)
    level_close(actor=contest.city, call=contest.call, org=w.root)


def test_the_citys_level_ranks_the_finalists_and_the_notice_grades_them(contest: Contest) -> None:
    _through_city(contest, {"甲": 95, "乙": 88, "丙": 81, "丁": 70, "戊": 50})
    ranked = dict(Project.objects.filter(call=contest.call, status=ProjectStatus.RANKED).values_list("title", "rank"))
    assert ranked == {"甲": 1, "乙": 2, "丙": 3, "丁": 4, "戊": 5}
    assert call_announce(actor=contest.city, call=contest.call) == 4
    grades = dict(Project.objects.filter(call=contest.call).values_list("title", "grade"))
    assert grades == {"甲": Grade.FIRST, "乙": Grade.SECOND, "丙": Grade.THIRD, "丁": Grade.MERIT, "戊": Grade.NONE}
    assert Project.objects.get(title="戊").status == ProjectStatus.NOT_AWARDED


def test_grades_at_the_boundaries(contest: Contest) -> None:
    call = contest.call  # one of each prize, merit from 60
    assert [grade_for(r, Decimal(90), call) for r in (1, 2, 3, 4)] == ["first", "second", "third", "merit"]
    assert grade_for(1, Decimal("59.99"), call) == ""
    assert grade_for(4, Decimal(60), call) == "merit"


def test_objections_during_the_notice_and_awards_after_it(contest: Contest) -> None:
    _through_city(contest, {"甲": 95, "乙": 88})
    call_announce(actor=contest.city, call=contest.call)
    second = Project.objects.get(title="乙")
    objection = objection_raise(
        project=second, text="该成果是外购设备，不是职工自主革新。", contact_phone="13912345678"
    )
    assert str(objection.contact_phone) == "139****5678"  # sealed, shown masked
    with pytest.raises(ValidationError, match="未处理的公示异议"):
        call_confirm_awards(actor=contest.city, call=contest.call, today=timezone.localdate() + dt.timedelta(days=9))
    objection_resolve(actor=contest.city, objection=objection, upheld=True, resolution="经核实属外购设备，撤销奖项")
    with pytest.raises(ValidationError, match="公示期尚未结束"):
        call_confirm_awards(actor=contest.city, call=contest.call)
    assert (
        call_confirm_awards(actor=contest.city, call=contest.call, today=timezone.localdate() + dt.timedelta(days=9))
        == 1
    )
    winner = Project.objects.get(title="甲")
    assert winner.status == ProjectStatus.AWARDED
    readable, _dash, check = winner.certificate_no.partition("-")
    assert readable == f"WX{contest.call.year}{contest.call.pk:04d}0001" and len(check) == 8  # not enumerable
    assert Project.objects.get(title="乙").status == ProjectStatus.WITHDRAWN
    with pytest.raises(ValidationError, match="不在公示期"):
        objection_raise(project=winner, text="再提一个异议看看")


def test_scoring_stops_once_the_level_is_closed(contest: Contest) -> None:
    _through_city(contest, {"甲": 95})
    stage = ReviewStage.objects.get(org=contest.world.root)
    with pytest.raises(ValidationError, match="已结束"):
        _score(contest, stage, ("city1",), 1, 1, 1, 1)
    with pytest.raises(Http404):
        stage_recommend(actor=contest.world.users["sibling"], stage=stage, recommend=True)


def test_a_call_brings_its_own_rubric_and_quotas_for_the_unions_under_it(contest: Contest) -> None:
    from gonghui.innovation.projects.calls import CallTerms, call_open, call_quota_set

    today = timezone.localdate()
    terms = CallTerms(
        title="自定细则批次", year=today.year, opens_on=today, closes_on=today, criteria="创新性 60\n效益 40"
    )
    call = call_open(actor=contest.city, org=contest.world.root, terms=terms)
    assert [(c.name, c.max_points) for c in call.rubric.criteria.all()] == [("创新性", 60), ("效益", 40)]
    with pytest.raises(ValidationError, match="第 2 行"):
        call_open(
            actor=contest.city,
            org=contest.world.root,
            terms=CallTerms(**{**terms.__dict__, "criteria": "创新性 60\n效益"}),
        )
    with pytest.raises(PermissionDenied):
        call_open(
            actor=grant(UserFactory(), contest.world.root, Role.READONLY).user, org=contest.world.root, terms=terms
        )
    call_quota_set(actor=contest.city, call=call, org=contest.world.union_a, quota=2)
    assert call.quotas.get().quota == 2
    call_quota_set(actor=contest.city, call=call, org=contest.world.union_a, quota=None)
    assert not call.quotas.exists()
    other = call_open(actor=contest.world.users["owner"], org=contest.world.county_a, terms=terms)
    with pytest.raises(ValidationError, match="不在本批次"):
        call_quota_set(actor=contest.city, call=other, org=contest.world.union_b, quota=1)
