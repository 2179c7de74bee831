"""Mentors, pairs and their rules: one pair per apprentice in a period, a mentor's maximum, the agreement's
fields, milestones and evaluations; bad input refused with a Chinese reason, nothing changed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from gonghui.experts.models import Expert
from gonghui.innovation.choices import NominationStatus, NomineeKind, RoundKind
from gonghui.innovation.models import HonorTitle, Nomination, SelectionRound
from gonghui.skills.certification.models import Occupation
from gonghui.skills.mentoring import progress, services
from gonghui.skills.mentoring.choices import EvaluationSide, EvaluationStage, MentorKind, PairMode, PairStatus
from gonghui.skills.mentoring.models import Mentor, Pair
from tests.factories import Tree, UserFactory, at_run, make_member, today
from tests.skills.mentoring.factories import make_mentor, pair_fields

pytestmark = pytest.mark.django_db


def test_a_mentor_is_linked_to_their_honor_and_the_expert_pool(tree: Tree) -> None:
    person = make_member(tree.union, 1).person
    title = HonorTitle.objects.create(
        code="t-model", name="商南县劳动模范", level="county", nominee_kind=NomineeKind.PERSON, is_model_worker=True
    )
    round_ = SelectionRound.objects.create(
        kind=RoundKind.HONOR, org=tree.county, title=title, year=today().year, name="劳模评选", quota=5
    )
    honor = Nomination.objects.create(
        round=round_,
        nominated_by=tree.union,
        nominee_kind=NomineeKind.PERSON,
        person=person,
        status=NominationStatus.AWARDED,
        awarded_on=today(),
    )
    expert = Expert.objects.create(org=tree.county, person=person, kind="model_worker", region_id="320904")
    mentor = services.mentor_register(actor=tree.cadre, org=tree.union, person=person)
    assert (mentor.kind, mentor.title, mentor.honor, mentor.expert) == (
        MentorKind.MODEL_WORKER,
        "商南县劳动模范",
        honor,
        expert,
    )
    with pytest.raises(ValidationError, match="已登记为师傅"):
        services.mentor_register(actor=tree.cadre, org=tree.union, person=person, kind=MentorKind.CRAFTSMAN)


def test_a_mentor_without_an_honor_needs_a_kind(tree: Tree) -> None:
    person = make_member(tree.union, 2).person
    with pytest.raises(ValidationError) as err:
        services.mentor_register(actor=tree.cadre, org=tree.union, person=person, max_apprentices=0)
    assert set(err.value.message_dict) == {"kind", "max_apprentices"}
    assert not Mentor.objects.exists()
    with pytest.raises(Http404):
        services.mentor_register(actor=tree.outsider, org=tree.union, person=person, kind=MentorKind.TECHNICIAN)


def test_an_apprentice_paired_twice_in_one_period_is_refused(tree: Tree) -> None:
    a = make_mentor(tree.county, make_member(tree.union, 3).person, tree.cadre)
    b = make_mentor(tree.county, make_member(tree.union, 4).person, tree.cadre)
    apprentice = make_member(tree.union, 5).person
    first = services.pair_create(actor=tree.cadre, org=tree.union, mentor=a, apprentice=apprentice, data=pair_fields())
    with pytest.raises(ValidationError, match="同一期间不能再结对"):
        services.pair_create(actor=tree.cadre, org=tree.union, mentor=b, apprentice=apprentice, data=pair_fields())
    services.pair_close(actor=tree.cadre, pair=first, completed=False, closed_on=today(), note="调岗")
    later = pair_fields(starts_on=today() - dt.timedelta(days=10))
    with pytest.raises(ValidationError, match="同一期间不能再结对"):  # the ended pair's period reaches today
        services.pair_create(actor=tree.cadre, org=tree.union, mentor=b, apprentice=apprentice, data=later)
    after = pair_fields(starts_on=today() + dt.timedelta(days=1), ends_on=today() + dt.timedelta(days=200))
    assert services.pair_create(actor=tree.cadre, org=tree.union, mentor=b, apprentice=apprentice, data=after)
    b.refresh_from_db()
    assert b.active_count == 1 and Pair.objects.filter(apprentice=apprentice).count() == 2


def test_the_database_holds_one_live_pair_per_apprentice(tree: Tree) -> None:
    from django.db import IntegrityError, transaction

    a = make_mentor(tree.county, make_member(tree.union, 6).person, tree.cadre)
    apprentice = make_member(tree.union, 7).person
    pair = services.pair_create(actor=tree.cadre, org=tree.union, mentor=a, apprentice=apprentice, data=pair_fields())
    with pytest.raises(IntegrityError), transaction.atomic():
        Pair.objects.create(
            org=pair.org,
            mentor=a,
            apprentice=apprentice,
            starts_on=today() + dt.timedelta(days=400),
            ends_on=today() + dt.timedelta(days=500),
            goals="x",
            created_by=tree.cadre,
        )


def test_a_mentor_has_a_maximum_number_of_apprentices(tree: Tree) -> None:
    mentor = make_mentor(tree.county, make_member(tree.union, 8).person, tree.cadre, most=2)
    people = [make_member(tree.union, 10 + i).person for i in range(3)]
    pairs = [
        services.pair_create(actor=tree.cadre, org=tree.union, mentor=mentor, apprentice=p, data=pair_fields())
        for p in people[:2]
    ]
    with pytest.raises(ValidationError, match="同时带徒已达上限2人"):
        services.pair_create(actor=tree.cadre, org=tree.union, mentor=mentor, apprentice=people[2], data=pair_fields())
    services.pair_close(
        actor=tree.cadre, pair=pairs[0], completed=True, closed_on=today(), competition_results="二等奖"
    )
    third = services.pair_create(
        actor=tree.cadre, org=tree.union, mentor=mentor, apprentice=people[2], data=pair_fields()
    )
    mentor.refresh_from_db()
    assert third.status == PairStatus.ACTIVE and mentor.active_count == 2
    with pytest.raises(ValidationError, match="已结束"):
        services.pair_close(actor=tree.cadre, pair=pairs[0], completed=True, closed_on=today())
    mentor.refresh_from_db()
    assert mentor.active_count == 2  # closing twice frees no second place


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"ends_on": lambda: today() - dt.timedelta(days=40)}, "ends_on"),
        ({"ends_on": lambda: today() + dt.timedelta(days=1500)}, "ends_on"),
        ({"goals": "  "}, "goals"),
        ({"mode": PairMode.DUAL}, "school"),
        ({"stipend": Decimal(-1)}, "stipend"),
    ],
)
def test_a_bad_agreement_is_refused(tree: Tree, overrides: dict, field: str) -> None:
    mentor = make_mentor(tree.county, make_member(tree.union, 20).person, tree.cadre)
    apprentice = make_member(tree.union, 21).person
    with pytest.raises(ValidationError) as err:
        services.pair_create(
            actor=tree.cadre,
            org=tree.union,
            mentor=mentor,
            apprentice=apprentice,
            data=pair_fields(**at_run(overrides)),
        )
    assert field in err.value.message_dict
    mentor.refresh_from_db()
    assert not Pair.objects.exists() and mentor.active_count == 0


def test_who_may_be_paired(tree: Tree) -> None:
    person = make_member(tree.union, 22).person
    mentor = make_mentor(tree.other, person, tree.cadre)  # 富水's mentor, not above or below 城关
    apprentice = make_member(tree.union, 23).person
    with pytest.raises(ValidationError, match="上级或下级工会登记"):
        services.pair_create(actor=tree.cadre, org=tree.union, mentor=mentor, apprentice=apprentice, data=pair_fields())
    mentor = make_mentor(tree.county, make_member(tree.union, 24).person, tree.cadre)
    stranger = make_member(tree.other, 25).person
    with pytest.raises(ValidationError, match="城关基层工会及下级工会的在册会员"):
        services.pair_create(actor=tree.cadre, org=tree.union, mentor=mentor, apprentice=stranger, data=pair_fields())
    with pytest.raises(ValidationError, match="不能与自己结对"):
        services.pair_create(
            actor=tree.cadre, org=tree.union, mentor=mentor, apprentice=mentor.person, data=pair_fields()
        )
    with pytest.raises(Http404):
        services.pair_create(
            actor=tree.outsider, org=tree.union, mentor=mentor, apprentice=apprentice, data=pair_fields()
        )


def test_milestones_and_evaluations(tree: Tree) -> None:
    mentor = make_mentor(tree.county, make_member(tree.union, 30).person, tree.cadre)
    apprentice = make_member(tree.union, 31).person
    pair = services.pair_create(
        actor=tree.cadre, org=tree.union, mentor=mentor, apprentice=apprentice, data=pair_fields()
    )
    with pytest.raises(ValidationError) as err:
        progress.milestone_add(actor=tree.cadre, pair=pair, title="", due_on=today() + dt.timedelta(days=900))
    assert set(err.value.message_dict) == {"title", "due_on"}
    milestone = progress.milestone_add(actor=tree.cadre, pair=pair, title="独立完成零件", due_on=today())
    progress.milestone_done(actor=tree.cadre, milestone=milestone, done_on=today())
    with pytest.raises(ValidationError, match="已于"):
        progress.milestone_done(actor=tree.cadre, milestone=milestone, done_on=today())
    user = UserFactory()
    own = progress.evaluation_record(
        pair=pair,
        direction=EvaluationSide.OF_MENTOR,
        stage=EvaluationStage.MIDTERM,
        score=95,
        person=apprentice,
        user=user,
    )
    assert own.entered_by == user
    with pytest.raises(ValidationError, match="只能由师傅评价徒弟"):
        progress.evaluation_record(
            pair=pair,
            direction=EvaluationSide.OF_APPRENTICE,
            stage=EvaluationStage.MIDTERM,
            score=80,
            person=apprentice,
            user=user,
        )
    with pytest.raises(ValidationError, match="不能重复评价"):
        progress.evaluation_record(
            actor=tree.cadre, pair=pair, direction=EvaluationSide.OF_MENTOR, stage=EvaluationStage.MIDTERM, score=90
        )
    with pytest.raises(ValidationError) as err:
        progress.evaluation_record(
            actor=tree.cadre, pair=pair, direction=EvaluationSide.OF_APPRENTICE, stage=EvaluationStage.FINAL, score=101
        )
    assert "score" in err.value.message_dict


def test_the_level_is_read_through_certification(tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    levels = {"start": "5", "end": "4"}
    calls: list[str] = []

    def level(person: object, occupation_id: int) -> str:
        calls.append("x")
        return levels["start"] if len(calls) == 1 else levels["end"]

    monkeypatch.setattr(services, "current_level", level)
    occupation = Occupation.objects.create(code="6-18-01-01", name="车工")
    mentor = make_mentor(tree.county, make_member(tree.union, 40).person, tree.cadre)
    apprentice = make_member(tree.union, 41).person
    pair = services.pair_create(
        actor=tree.cadre, org=tree.union, mentor=mentor, apprentice=apprentice, data=pair_fields(occupation=occupation)
    )
    assert pair.level_start == "5"
    pair = services.pair_close(actor=tree.cadre, pair=pair, completed=True, closed_on=today())
    assert pair.level_end == "4" and pair.status == PairStatus.COMPLETED
