"""Results: the notice with its objection window, objections (an upheld one withdraws the awards),
confirmation with certificates that verify by QR, and titles passed to the honors selections."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.innovation.models import HonorTitle, Nomination, SelectionRound
from gonghui.skills.certification.models import Certificate
from gonghui.skills.competitions import ranking, results, scoring, services
from gonghui.skills.competitions.models import Award, Competition
from tests.factories import Tree, make_member
from tests.skills.competitions.factories import enter, entrants, first_stage, make_competition, marks, seat


def _finished(tree: Tree, **fields: object) -> tuple[Competition, list[object]]:
    """A single-stage final of four, scored 90, 80, 70, 60 (entry order), ranked and closed."""
    competition = make_competition(tree.county, tree.cadre, top_n=None, **fields)
    made = [enter(competition, tree.union_cadre, m) for m in entrants(tree.union, 1, 4)]
    services.competition_start(actor=tree.cadre, competition=competition)
    stage = first_stage(competition)
    judge = seat(stage, tree.cadre, make_member(tree.stranger, 90))
    for entry, points in zip(made, (90, 80, 70, 60), strict=True):
        scoring.score_enter(actor=tree.cadre, judge=judge, entry=entry, marks=marks(stage, points, points))
    ranking.stage_advance(actor=tree.cadre, stage=stage)
    competition.refresh_from_db()
    return competition, made


def test_publish_puts_the_prize_winners_on_notice(tree: Tree) -> None:
    competition, made = _finished(tree, first_prizes=1, second_prizes=1, third_prizes=1)
    today = timezone.localdate()
    assert results.competition_publish(actor=tree.cadre, competition=competition, today=today) == 3
    competition.refresh_from_db()
    assert competition.status == "notice" and competition.notice_ends == today + dt.timedelta(days=4)
    grades = dict(Award.objects.values_list("entry_id", "grade"))
    assert grades == {made[0].pk: "first", made[1].pk: "second", made[2].pk: "third"}
    page = Client().get(reverse("competitions_h5:notice", args=[competition.pk]))
    assert page.status_code == 200
    assert made[0].name not in page.content.decode()  # names masked on the public notice
    assert made[0].name[0] in page.content.decode()


def test_objections_only_during_the_window_and_an_upheld_one_withdraws_the_award(tree: Tree) -> None:
    competition, made = _finished(tree, first_prizes=1, second_prizes=1, third_prizes=1)
    today = timezone.localdate()
    results.competition_publish(actor=tree.cadre, competition=competition, today=today)
    competition.refresh_from_db()
    after = competition.notice_ends + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="不在公示期内"):
        results.objection_raise(competition=competition, entry=made[0], text="该选手实操时有人代做。", today=after)
    with pytest.raises(ValidationError, match="不在公示名单中"):
        results.objection_raise(competition=competition, entry=made[3], text="第四名不应获奖吗？请核实。", today=today)
    objection = results.objection_raise(
        competition=competition, entry=made[0], text="该选手实操时有人代做。", contact_phone="13800001234", today=today
    )
    assert objection.contact_phone == "13800001234"  # sealed at rest, read back through the field
    with pytest.raises(ValidationError, match="未处理的公示异议"):
        results.competition_confirm(actor=tree.cadre, competition=competition, today=after)
    results.objection_resolve(actor=tree.cadre, objection=objection, upheld=True, resolution="经核实，取消成绩。")
    assert Award.objects.get(entry=made[0]).status == "withdrawn"
    with pytest.raises(ValidationError, match="公示期尚未结束"):
        results.competition_confirm(actor=tree.cadre, competition=competition, today=competition.notice_ends)
    assert results.competition_confirm(actor=tree.cadre, competition=competition, today=after) == 2
    assert Award.objects.get(entry=made[0]).certificate is None


def test_confirmed_awards_carry_certificates_that_verify_by_qr(tree: Tree) -> None:
    competition, _made = _finished(tree, first_prizes=1, second_prizes=0, third_prizes=0)
    today = timezone.localdate()
    results.competition_publish(actor=tree.cadre, competition=competition, today=today)
    competition.refresh_from_db()
    results.competition_confirm(
        actor=tree.cadre, competition=competition, today=competition.notice_ends + dt.timedelta(days=1)
    )
    award = Award.objects.select_related("certificate").get()
    number = award.certificate.number
    assert award.status == "awarded" and number.startswith("JS") and len(number.split("-")[1]) == 10
    assert Certificate.objects.filter(person=award.person, kind="competition").count() == 1
    page = Client().get(reverse("certification_h5:verify", args=[number]))
    body = page.content.decode()
    assert page.status_code == 200 and "一等奖" in body and "第1名" in body
    assert award.person.name not in body  # the holder's name only masked, in the detail too
    wrong = number[:-1] + ("Y" if number[-1] == "Z" else "Z")
    assert Client().get(reverse("certification_h5:verify", args=[wrong])).status_code == 404


def test_titles_go_to_the_honors_selection_as_nominations(tree: Tree) -> None:
    honor = HonorTitle.objects.get(code="city-technical-expert")
    selection = SelectionRound.objects.create(
        kind="honor", org=tree.county, title=honor, year=timezone.localdate().year, name="技术能手评选", quota=5
    )
    competition, made = _finished(tree, honor=honor, title_places=2, selection=selection)
    results.competition_publish(actor=tree.cadre, competition=competition)
    assert Award.objects.filter(honor=honor).count() == 2
    competition.refresh_from_db()
    results.competition_confirm(
        actor=tree.cadre, competition=competition, today=competition.notice_ends + dt.timedelta(days=1)
    )
    nominated = Nomination.objects.filter(round=selection)
    assert set(nominated.values_list("person_id", flat=True)) == {
        made[0].members.get().person_id,
        made[1].members.get().person_id,
    }
    assert "第1名" in nominated.get(person=made[0].members.get().person).deeds


def test_publishing_waits_for_the_final(tree: Tree) -> None:
    competition = make_competition(tree.county, tree.cadre)
    enter(competition, tree.union_cadre, *entrants(tree.union, 1, 1))
    services.competition_start(actor=tree.cadre, competition=competition)
    with pytest.raises(ValidationError, match="决赛评分结束"):
        results.competition_publish(actor=tree.cadre, competition=competition)
    assert not Award.objects.exists()


def test_stages_must_end_in_a_final_with_sheets_before_opening(tree: Tree) -> None:
    competition = make_competition(tree.county, tree.cadre, open_it=False, top_n=3)
    with pytest.raises(ValidationError, match="已是决赛"):
        services.stage_add(actor=tree.cadre, competition=competition, name="加赛")
    bare = make_competition(tree.county, tree.cadre, open_it=False, top_n=None, title="无评分表的竞赛")
    bare.stages.get().items.all().delete()
    with pytest.raises(ValidationError, match="还没有评分表"):
        services.competition_open(actor=tree.cadre, competition=bare)
    assert Decimal(competition.stages.count()) == 2 and bare.status == "draft"
