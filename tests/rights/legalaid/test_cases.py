"""Each transition of a legal-aid case and each guard: 申请 → 审查 (eligibility) → 指派 → 代理 → 结案, refusals;
bad input changes nothing and says why in Chinese."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.utils import timezone

from gonghui.assistance.models import HardshipFile
from gonghui.members.models import Person
from gonghui.members.services import person_keys
from gonghui.rights.legalaid import cases
from gonghui.rights.legalaid.choices import Basis, CaseStatus
from gonghui.rights.legalaid.models import CaseStep, LegalAidCase
from tests.factories import EnterpriseFactory, id_number, make_org
from tests.rights.legalaid.conftest import Place, apply, to_acting

pytestmark = pytest.mark.django_db


def _reason(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return "；".join(exc.value.messages)


def test_a_case_goes_from_application_to_closing(place: Place) -> None:
    case = apply(place)
    assert case.status == CaseStatus.APPLIED and case.due_on == timezone.localdate() + dt.timedelta(days=7)
    cases.case_accept(actor=place.tree.cadre, case=case)
    assert case.status == CaseStatus.ACCEPTED and case.basis == Basis.MEMBER
    cases.case_assign(actor=place.tree.cadre, case=case, provider=place.lawyer)
    assert case.status == CaseStatus.ASSIGNED and case.lawyer == "杨律师"
    lawyer = place.lawyer.user
    assert lawyer is not None
    cases.case_step(actor=lawyer, case=case, kind="mediation", note="约谈用人单位")
    assert case.status == CaseStatus.ACTING and case.due_on == timezone.localdate() + dt.timedelta(days=90)
    cases.case_close(actor=lawyer, case=case, outcome="settled", recovered=Decimal("9800"), outcome_note="调解成功")
    case.refresh_from_db()
    assert (case.status, case.recovered, case.closed_on, case.due_on) == (
        CaseStatus.CLOSED, Decimal("9800.00"), timezone.localdate(), None,
    )  # fmt: skip
    assert list(CaseStep.objects.filter(case=case).values_list("kind", flat=True)) == ["mediation"]


def test_eligibility_member_migrant_hardship_or_none(place: Place) -> None:
    migrant = apply(place, place.migrant)
    cases.case_accept(actor=place.tree.cadre, case=migrant)
    assert migrant.basis == Basis.MIGRANT
    poor = Person.objects.create(name="钱困难", id_number=id_number(40), **person_keys("钱困难"))
    HardshipFile.objects.create(org=place.tree.union, person=poor, status="open", family_size=2)
    hardship = apply(place, poor)
    cases.case_accept(actor=place.tree.cadre, case=hardship)
    assert hardship.basis == Basis.HARDSHIP and hardship.hardship_file is not None
    # Nobody else: a worker with no union, not a 农民工, without an open file, is not even found.
    nobody = Person.objects.create(name="郑无关", id_number=id_number(41), **person_keys("郑无关"))
    with pytest.raises(ValidationError) as exc:
        apply(place, nobody)
    assert "没有该证件号码" in _reason(exc)


def test_accepting_someone_who_no_longer_qualifies_is_refused(place: Place) -> None:
    case = apply(place, place.migrant)
    Person.objects.filter(pk=place.migrant.pk).update(is_migrant_worker=False)
    case.person.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        cases.case_accept(actor=place.tree.cadre, case=case)
    assert "不符合法律援助条件" in _reason(exc)
    case.refresh_from_db()
    assert case.status == CaseStatus.APPLIED and case.basis == ""


def test_a_refusal_needs_a_reason(place: Place) -> None:
    case = apply(place)
    with pytest.raises(ValidationError) as exc:
        cases.case_refuse(actor=place.tree.cadre, case=case, reason="  ")
    assert "写明理由" in _reason(exc)
    cases.case_refuse(actor=place.tree.cadre, case=case, reason="已超过仲裁时效")
    case.refresh_from_db()
    assert case.status == CaseStatus.REFUSED and case.refuse_reason == "已超过仲裁时效" and case.due_on is None
    with pytest.raises(ValidationError):  # a final status
        cases.case_accept(actor=place.tree.cadre, case=case)


def test_a_person_or_enterprise_outside_scope_is_refused(place: Place) -> None:
    with pytest.raises(ValidationError) as exc:  # a member of the other union, applied at the first
        apply(place, place.other_member)
    assert "没有该证件号码" in _reason(exc)
    far = EnterpriseFactory(union=place.tree.stranger)
    data = cases.CaseFields(topic="wages", summary="欠薪", employer=far)
    with pytest.raises(ValidationError) as exc:
        cases.case_apply(actor=place.tree.cadre, org=place.tree.union, person=place.member, data=data)
    assert "不在您的管理范围" in _reason(exc)
    with pytest.raises(Http404):  # 泰安's cadre does not even see the union
        apply(place, actor=place.tree.outsider)
    with pytest.raises(PermissionDenied):  # a read-only clerk of the union
        apply(place, actor=place.clerk)
    assert not LegalAidCase.objects.exists()


def test_assigning_a_lawyer_of_another_unions_subtree_is_refused(place: Place) -> None:
    case = apply(place)
    cases.case_accept(actor=place.tree.cadre, case=case)
    with pytest.raises(ValidationError) as exc:
        cases.case_assign(actor=place.tree.cadre, case=case, provider=place.stranger_lawyer)
    assert "属于其他工会" in _reason(exc)
    down = make_org("商南县富水镇律师服务点", parent=place.tree.other)
    place.lawyer.org = down  # a lawyer below a sibling union serves neither this union nor those above it
    place.lawyer.save()
    with pytest.raises(ValidationError):
        cases.case_assign(actor=place.tree.cadre, case=case, provider=place.lawyer)
    with pytest.raises(ValidationError) as exc:
        cases.case_assign(actor=place.tree.cadre, case=case)
    assert "二选一" in _reason(exc)
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED and case.provider is None
    cases.case_assign(actor=place.tree.cadre, case=case, firm="商南县正义律师事务所")
    assert case.status == CaseStatus.ASSIGNED and case.lawyer == "商南县正义律师事务所"


def test_only_a_legal_provider_may_be_assigned(place: Place) -> None:
    case = apply(place)
    cases.case_accept(actor=place.tree.cadre, case=case)
    place.lawyer.kind = "counselling"
    place.lawyer.save()
    with pytest.raises(ValidationError) as exc:
        cases.case_assign(actor=place.tree.cadre, case=case, provider=place.lawyer)
    assert "法律服务人员" in _reason(exc)


def test_closing_needs_an_outcome_and_no_negative_amount(place: Place) -> None:
    case = to_acting(place, apply(place))
    lawyer = place.lawyer.user
    assert lawyer is not None
    with pytest.raises(ValidationError) as exc:
        cases.case_close(actor=lawyer, case=case, outcome="", recovered=Decimal(100))
    assert "结案须选择结案结果" in _reason(exc)
    with pytest.raises(ValidationError) as exc:
        cases.case_close(actor=lawyer, case=case, outcome="won", recovered=Decimal("-1"))
    assert "挽回金额不能为负数" in _reason(exc)
    with pytest.raises(ValidationError) as exc:
        cases.case_close(actor=lawyer, case=case, outcome="won", recovered=Decimal(1),
                         closed_on=timezone.localdate() + dt.timedelta(days=1))  # fmt: skip
    assert "不能晚于今天" in _reason(exc)
    case.refresh_from_db()
    assert case.status == CaseStatus.ACTING and case.outcome == "" and case.recovered == 0


def test_the_database_holds_the_invariants(place: Place) -> None:
    case = apply(place)
    with pytest.raises(IntegrityError):
        LegalAidCase.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED, closed_on=timezone.localdate())


def test_steps_only_by_the_lawyer_or_the_unions_rights_staff(place: Place) -> None:
    case = to_acting(place, apply(place))
    with pytest.raises(PermissionDenied):
        cases.case_step(actor=place.tree.outsider, case=case, kind="drafting")
    with pytest.raises(PermissionDenied):
        cases.case_step(actor=place.clerk, case=case, kind="drafting")
    with pytest.raises(ValidationError) as exc:
        cases.case_step(actor=place.officer, case=case, kind="drafting", on=case.applied_on - dt.timedelta(days=1))
    assert "早于申请日期" in _reason(exc)
    cases.case_step(actor=place.officer, case=case, kind="arbitration", note="提交仲裁申请")
    assert case.steps.count() == 2


def test_a_stale_page_cannot_move_a_case_twice(place: Place) -> None:
    case = apply(place)
    stale = LegalAidCase.objects.get(pk=case.pk)
    cases.case_refuse(actor=place.tree.cadre, case=case, reason="材料不全且逾期未补")
    with pytest.raises(ValidationError) as exc:  # the other cadre's page still shows 已申请
        cases.case_accept(actor=place.tree.cadre, case=stale)
    assert "刷新" in _reason(exc)
    assert LegalAidCase.objects.get(pk=case.pk).status == CaseStatus.REFUSED
