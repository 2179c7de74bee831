"""Entering a batch's results: certificates, levels with history, pay grades; every bad row named, nothing
half-done; the same list again records nobody twice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from gonghui.members.models import Membership
from gonghui.skills.certification.batches import batch_close
from gonghui.skills.certification.choices import CertificateKind, SkillSource
from gonghui.skills.certification.levels import skill_level_record
from gonghui.skills.certification.models import Candidate, Certificate, PersonSkill, SkillChange
from gonghui.skills.certification.results import results_record
from gonghui.skills.certification.selectors import current_level
from tests.factories import Tree, make_member
from tests.skills.certification.factories import END, electrician, make_batch, make_pilot, members, row, rows

pytestmark = pytest.mark.django_db


def _nothing_recorded() -> bool:
    return not (Candidate.objects.exists() or Certificate.objects.exists() or PersonSkill.objects.exists())


def test_passing_workers_get_a_certificate_a_level_with_history_and_a_pay_grade(tree: Tree) -> None:
    pilot = make_pilot(tree)
    batch = make_batch(tree, pilot, theory_pass=Decimal(60), practical_pass=Decimal(70))
    people = [m.person for m in members(tree.union, 1, 3)]
    skill_level_record(
        person=people[1],
        occupation=electrician(),
        level="4",
        on=END.replace(year=2022),
        source=SkillSource.OTHER,
        org=tree.union,
    )
    outcome = results_record(
        actor=tree.union_cadre,
        batch=batch,
        rows=rows(row(1, 60, 70, certificate_number="s3300-2024-001"), row(2, "88.5", 91), row(3, 95, 69.9)),
    )
    assert (outcome.recorded, outcome.passed, outcome.promoted, outcome.errors) == (3, 2, 2, [])
    first, second, third = (Candidate.objects.get(person=p) for p in people)
    assert first.passed and second.passed and not third.passed  # 69.9 < 70 in practice
    assert third.certificate is None and current_level(people[2], electrician().pk) is None
    assert first.certificate.kind == CertificateKind.SKILL_LEVEL and first.certificate.number.startswith("DJ2024-")
    assert first.certificate.issued_on == END and first.certificate.title == "电工 三级/高级工"
    assert first.external_number == "S3300-2024-001"
    assert (first.pay_grade, first.allowance, first.promoted) == ("技能三档", Decimal(400), True)
    assert (second.previous_level, second.promoted) == ("4", True)  # 技能二档 → 技能三档
    assert current_level(people[0], electrician().pk) == "3" and current_level(people[1], electrician().pk) == "3"
    history = list(SkillChange.objects.filter(person=people[1]).values_list("from_level", "to_level", "source"))
    assert history == [("", "4", SkillSource.OTHER), ("4", "3", SkillSource.CERTIFICATION)]
    skill = PersonSkill.objects.get(person=people[0])
    assert (skill.pay_grade, skill.allowance, skill.certificate_id) == ("技能三档", Decimal(400), first.certificate_id)


def test_every_bad_row_is_named_with_its_reason_and_nothing_is_recorded(tree: Tree) -> None:
    pilot = make_pilot(tree)
    batch = make_batch(tree, pilot)
    members(tree.union, 1, 6)
    make_member(tree.other, 7, name="职工7")  # a member of another union
    make_member(tree.union, 8, name="职工8")
    make_member(tree.union, 10, name="职工10")
    skill_level_record(
        person=make_member(tree.union, 9, name="职工9").person,
        occupation=electrician(),
        level="3",
        on=END,
        source=SkillSource.OTHER,
        org=tree.union,
    )
    results_record(
        actor=tree.union_cadre,
        batch=make_batch(tree, pilot, name="前一批"),
        rows=rows(row(8, certificate_number="ZS-0001")),
    )
    outcome = results_record(
        actor=tree.union_cadre,
        batch=batch,
        rows=rows(
            row(1),  # 3: fine
            row(2, theory=101),  # 4: out of range
            row(3, practical="八十"),  # 5: not a number
            row(4, level="二级"),  # 6: not a level of this batch
            {**row(5), "name": "王五"},  # 7: not the registered name
            row(1),  # 8: the same person again
            row(7),  # 9: not a member of the enterprise's union
            row(6, certificate_number="ZS-0001"),  # 10: the number is on record already
            row(9),  # 11: holds 三级 already
            {**row(6), "id_number": "3209041978"},  # 12: a broken ID number
            row(10, theory=30, certificate_number="ZS-0002"),  # 13: failed, yet a number
        ),
    )
    reasons = {e.number: e.reason for e in outcome.errors}
    assert sorted(reasons) == [4, 5, 6, 7, 8, 9, 10, 11, 12, 13], reasons
    assert "0到100之间" in reasons[4] and "不是有效的数字" in reasons[5] and "不在本批次认定的等级" in reasons[6]
    assert "姓名与登记的“职工5”不一致" in reasons[7] and "与第 3 行是同一人" in reasons[8]
    assert "不是“商南县城关基层工会”的在册会员" in reasons[9] and "已经登记过" in reasons[10]
    assert "已持有本职业（工种）三级/高级工" in reasons[11] and "不应填写证书编号" in reasons[13]
    assert all("320904" not in e.value or "*" in e.value for e in outcome.errors)  # ID numbers masked
    assert outcome.recorded == 0 and not Candidate.objects.filter(batch=batch).exists()


def test_the_same_list_again_records_nobody_twice_and_a_changed_score_is_refused(tree: Tree) -> None:
    batch = make_batch(tree, make_pilot(tree))
    members(tree.union, 1, 2)
    first = results_record(actor=tree.union_cadre, batch=batch, rows=rows(row(1), row(2, 50, 50)))
    again = results_record(actor=tree.union_cadre, batch=batch, rows=rows(row(1), row(2, 50, 50)))
    assert (first.recorded, again.recorded, again.already) == (2, 0, 2)
    changed = results_record(actor=tree.union_cadre, batch=batch, rows=rows(row(2, 70, 70)))
    assert "成绩录入后不能修改" in changed.errors[0].reason
    assert Candidate.objects.count() == 2 and Certificate.objects.count() == 1


def test_a_level_outside_the_batch_or_a_missing_level_in_a_two_level_batch(tree: Tree) -> None:
    batch = make_batch(tree, make_pilot(tree), levels=["4", "3"])
    members(tree.union, 1, 3)
    outcome = results_record(
        actor=tree.union_cadre, batch=batch, rows=rows(row(1, level="高级工"), row(2), row(3, level="中级"))
    )
    assert [e.number for e in outcome.errors] == [4] and "请填写申报等级" in outcome.errors[0].reason
    fixed = results_record(actor=tree.union_cadre, batch=batch, rows=rows(row(1, level="三级"), row(3, level="4")))
    assert fixed.recorded == 2
    assert set(Candidate.objects.values_list("level", flat=True)) == {"3", "4"}


def test_a_closed_batch_a_batch_not_started_and_an_outsider_are_refused(tree: Tree) -> None:
    pilot = make_pilot(tree)
    batch = make_batch(tree, pilot)
    members(tree.union, 1, 1)
    batch_close(actor=tree.union_cadre, batch=batch)
    with pytest.raises(ValidationError, match="已经结束"):
        results_record(actor=tree.union_cadre, batch=batch, rows=rows(row(1)))
    future = make_batch(tree, pilot, starts_on=dt.date(2029, 1, 1), ends_on=dt.date(2029, 1, 5))
    with pytest.raises(ValidationError, match="才开始"):
        results_record(actor=tree.union_cadre, batch=future, rows=rows(row(1)))
    with pytest.raises(Http404):
        results_record(actor=tree.outsider, batch=future, rows=rows(row(1)))
    assert _nothing_recorded()


def test_skill_levels_only_go_up(tree: Tree) -> None:
    person = make_member(tree.union, 1).person
    record = dict(occupation=electrician(), on=END, source=SkillSource.COMPETITION, org=tree.union)
    skill_level_record(person=person, level="4", **record)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="不能再认定同级或更低等级"):
        skill_level_record(person=person, level="5", **record)  # type: ignore[arg-type]
    assert current_level(person, electrician().pk) == "4" and SkillChange.objects.count() == 1


def test_the_roster_level_follows_a_higher_certified_level(tree: Tree) -> None:
    declared = make_member(tree.union, 1)
    plain = make_member(tree.union, 2)
    Membership.objects.filter(pk=declared.pk).update(skill_level="grade2")  # 技师 on the roster already
    record = dict(occupation=electrician(), on=END, source=SkillSource.COMPETITION, org=tree.union)
    skill_level_record(person=declared.person, level="3", **record)  # type: ignore[arg-type]
    skill_level_record(person=plain.person, level="3", **record)  # type: ignore[arg-type]
    declared.refresh_from_db()
    plain.refresh_from_db()
    assert (declared.skill_level, plain.skill_level) == ("grade2", "grade3")  # never lowered, raised when higher
