"""Scoring and ranking: marks within the sheet, conflict of interest, double entry flagged until resolved,
the stated tie rule, advancement by top N and by score line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gonghui.events.models import SignUp
from gonghui.skills.competitions import ranking, scoring, services
from gonghui.skills.competitions.models import Score, StageResult
from tests.factories import EnterpriseFactory, Tree, make_member
from tests.skills.competitions.factories import enter, entrants, first_stage, make_competition, marks, seat


def _running(tree: Tree, n: int = 4, **fields: object) -> tuple[object, list[object], object]:
    competition = make_competition(tree.county, tree.cadre, **fields)
    people = entrants(tree.union, 1, n)
    made = [enter(competition, tree.union_cadre, m) for m in people]
    services.competition_start(actor=tree.cadre, competition=competition)
    stage = first_stage(competition)
    stage.refresh_from_db()
    return competition, made, stage


def _score(
    tree: Tree, judge: object, entry: object, stage: object, theory: object, practice: object, **kw: object
) -> None:
    scoring.score_enter(actor=tree.cadre, judge=judge, entry=entry, marks=marks(stage, theory, practice), **kw)  # type: ignore[arg-type]


def test_a_score_outside_the_sheet_is_refused_and_changes_nothing(tree: Tree) -> None:
    _c, made, stage = _running(tree)
    judge = seat(stage, tree.cadre, make_member(tree.stranger, 90))
    with pytest.raises(ValidationError) as exc:
        _score(tree, judge, made[0], stage, 80, 101)
    assert "“实操”的分数应在0到100之间，填写的是101" in exc.value.messages[0]
    with pytest.raises(ValidationError, match="“理论”请填写分数"):
        _score(tree, judge, made[0], stage, "", 50)
    assert not Score.objects.exists()
    assert StageResult.objects.get(entry=made[0]).total is None


def test_a_judge_may_not_score_their_own_unions_or_enterprises_entrant(tree: Tree) -> None:
    _c, made, stage = _running(tree)
    same_union = seat(stage, tree.cadre, make_member(tree.union, 91))
    with pytest.raises(ValidationError, match="同一基层工会"):
        _score(tree, same_union, made[0], stage, 80, 80)
    employer = EnterpriseFactory(name="商南县电力安装公司", union=tree.other)
    made[1].enterprise = employer
    made[1].save(update_fields=["enterprise"])
    colleague = make_member(tree.other, 92)
    colleague.employer = employer
    colleague.save(update_fields=["employer"])
    same_firm = seat(stage, tree.cadre, colleague)
    with pytest.raises(ValidationError, match="同一企业"):
        _score(tree, same_firm, made[1], stage, 80, 80)
    assert not Score.objects.exists()
    _score(tree, same_firm, made[0], stage, 80, 80)  # another enterprise's entrant of another union: fine
    assert StageResult.objects.get(entry=made[0]).total == Decimal("80.00")


def test_weighted_total_and_several_judges_averaged(tree: Tree) -> None:
    _c, made, stage = _running(tree)
    a = seat(stage, tree.cadre, make_member(tree.stranger, 90))
    b = seat(stage, tree.cadre, make_member(tree.stranger, 91))
    _score(tree, a, made[0], stage, 90, 80)  # 27 + 56 = 83
    _score(tree, b, made[0], stage, 70, 90)  # 21 + 63 = 84
    result = StageResult.objects.get(entry=made[0])
    assert result.total == Decimal("83.50") and result.practical == Decimal("59.50") and result.rank == 1


def test_double_entry_beyond_the_tolerance_is_flagged_not_ranked_until_resolved(tree: Tree) -> None:
    _c, made, stage = _running(tree, scores_needed=2)
    judge = seat(stage, tree.cadre, make_member(tree.stranger, 90))
    _score(tree, judge, made[0], stage, 80, 80)
    assert StageResult.objects.get(entry=made[0]).total is None  # one copy of two: not ranked yet
    _score(tree, judge, made[0], stage, 80, 90, copy=2)  # 80 against 87: beyond the tolerance of 2
    flagged = StageResult.objects.get(entry=made[0])
    assert flagged.flagged and flagged.rank is None and flagged.total is None
    _score(tree, judge, made[1], stage, 70, 70)
    _score(tree, judge, made[1], stage, 70, 71, copy=2)  # 70 against 70.7: within the tolerance
    ok = StageResult.objects.get(entry=made[1])
    assert not ok.flagged and ok.total == Decimal("70.35") and ok.rank == 1
    with pytest.raises(ValidationError, match="评分差异超出允许范围，请先裁定"):
        ranking.stage_advance(actor=tree.cadre, stage=stage)
    scoring.result_resolve(
        actor=tree.cadre, result=flagged, marks=marks(stage, 80, 90), note="核对纸质评分表，第二遍无误"
    )
    flagged.refresh_from_db()
    assert not flagged.flagged and flagged.total == Decimal("87.00") and flagged.rank == 1
    assert StageResult.objects.get(entry=made[1]).rank == 2
    with pytest.raises(ValidationError, match="已由组委会裁定"):
        _score(tree, judge, made[0], stage, 10, 10)


def test_ties_go_to_practical_then_time_then_check_in_then_number(tree: Tree) -> None:
    _c, made, stage = _running(tree, n=5, timed=True)
    judge = seat(stage, tree.cadre, make_member(tree.stranger, 90))
    # Entries 1 and 2: the same total (80); 2 has more practical marks.
    _score(tree, judge, made[0], stage, 100, Decimal("71.43"), time_seconds=600)  # 30 + 50.00 = 80.00
    _score(tree, judge, made[1], stage, Decimal("66.67"), Decimal("85.71"), time_seconds=600)  # 20 + 60 = 80.00
    # Entries 3, 4 and 5: the same total and practical; 4 is faster; 3 and 5 tie on time, 5 checked in first.
    for entry in made[2:]:
        _score(tree, judge, entry, stage, 50, 50, time_seconds=500 if entry == made[3] else 700)
    early = timezone.now() - dt.timedelta(hours=1)
    SignUp.objects.filter(pk=made[4].members.get().signup_id).update(checked_in_at=early)
    SignUp.objects.filter(pk=made[2].members.get().signup_id).update(checked_in_at=early + dt.timedelta(minutes=5))
    _score(tree, judge, made[4], stage, 50, 50, time_seconds=700)  # a re-score reads the check-in times again
    _score(tree, judge, made[2], stage, 50, 50, time_seconds=700)
    ranks = dict(StageResult.objects.filter(stage=stage).values_list("entry_id", "rank"))
    assert [ranks[e.pk] for e in made] == [2, 1, 5, 3, 4]


def test_full_ties_fall_to_the_earlier_entry(tree: Tree) -> None:
    _c, made, stage = _running(tree, n=3)
    judge = seat(stage, tree.cadre, make_member(tree.stranger, 90))
    for entry in reversed(made):
        _score(tree, judge, entry, stage, 60, 60)
    assert list(StageResult.objects.filter(stage=stage).order_by("rank").values_list("number", flat=True)) == [1, 2, 3]


def test_the_top_n_advance_to_the_final(tree: Tree) -> None:
    competition, made, stage = _running(tree, n=4, top_n=2)
    judge = seat(stage, tree.cadre, make_member(tree.stranger, 90))
    for entry, practice in zip(made, (60, 90, 75, 80), strict=True):
        _score(tree, judge, entry, stage, 80, practice)
    assert ranking.stage_advance(actor=tree.cadre, stage=stage) == 2
    final = competition.stages.get(seq=2)
    assert set(StageResult.objects.filter(stage=final).values_list("entry_id", flat=True)) == {made[1].pk, made[3].pk}
    assert final.status == "scoring"
    stage.refresh_from_db()
    assert stage.status == "closed"
    with pytest.raises(ValidationError, match="不在评分阶段"):
        _score(tree, judge, made[0], stage, 100, 100)


def test_a_score_line_lets_everyone_at_or_above_it_advance(tree: Tree) -> None:
    competition, made, stage = _running(tree, n=4, top_n=None, line=Decimal(70))
    judge = seat(stage, tree.cadre, make_member(tree.stranger, 90))
    for entry, practice in zip(made, (60, 70, 80, 90), strict=True):
        _score(tree, judge, entry, stage, 70, practice)  # totals 63, 70, 77, 84
    assert ranking.stage_advance(actor=tree.cadre, stage=stage) == 3
    final = competition.stages.get(seq=2)
    assert StageResult.objects.filter(stage=final).count() == 3
    assert not StageResult.objects.filter(stage=final, entry=made[0]).exists()
