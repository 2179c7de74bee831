"""The pages: rows for the rights role only (both unions of a cross-region case), a read-only clerk refused,
every case view read-audited, the lawyer's phone pages showing only their own cases, the worker's 我的
showing only their own without notes; lists in a bounded number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gonghui.common.models import AuditAction, AuditEvent
from gonghui.members.models import WorkerAccount
from gonghui.rights.legalaid import cases, consultations
from gonghui.rights.legalaid.choices import CaseStatus
from gonghui.rights.legalaid.models import LegalAidCase
from tests.factories import UserFactory
from tests.rights.legalaid.conftest import Place, apply, to_acting

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _reads(case: LegalAidCase) -> int:
    return AuditEvent.objects.filter(action=AuditAction.VIEW_SENSITIVE, target_id=str(case.pk),
                                     target_type="legalaid.legalaidcase").count()  # fmt: skip


def test_a_read_only_clerk_sees_no_rows_and_is_refused_a_case(place: Place) -> None:
    case = apply(place)
    clerk = _client(place.clerk)
    page = clerk.get(reverse("legalaid:cases")).content.decode()
    assert "周快递" not in page and "仅维权专员可见" in page
    assert clerk.get(reverse("legalaid:case", args=[case.pk])).status_code == 403
    assert clerk.post(reverse("legalaid:case_act", args=[case.pk, "accept"])).status_code == 403
    assert clerk.post(reverse("legalaid:cases_export")).status_code == 403
    assert _reads(case) == 0


def test_both_unions_of_a_cross_region_case_see_it_and_every_view_is_audited(place: Place) -> None:
    case = apply(place, helping_org=place.tree.stranger)
    other = apply(place, summary="本地案件")
    stranger = _client(place.tree.outsider)
    rows = stranger.get(reverse("legalaid:cases")).content.decode()
    assert case.ref in rows and other.ref not in rows
    assert stranger.get(reverse("legalaid:case", args=[case.pk])).status_code == 200
    assert stranger.get(reverse("legalaid:case", args=[other.pk])).status_code == 404
    assert _client(place.officer).get(reverse("legalaid:case", args=[case.pk])).status_code == 200
    assert _reads(case) == 2
    event = AuditEvent.objects.filter(target_id=str(case.pk), action=AuditAction.VIEW_SENSITIVE).first()
    assert event is not None and "周快递" not in str(event.detail)


def test_the_case_page_walks_a_case_through_with_chinese_errors(place: Place) -> None:
    case = apply(place)
    client = _client(place.officer)
    act = lambda action, **data: client.post(reverse("legalaid:case_act", args=[case.pk, action]), data, follow=True)  # noqa: E731
    assert "符合援助条件：工会会员" in client.get(reverse("legalaid:case", args=[case.pk])).content.decode()
    act("accept")
    page = act("assign", provider=str(place.stranger_lawyer.pk)).content.decode()
    assert "工会律师" in page  # not among the choices: refused by the form, nothing changed
    assert LegalAidCase.objects.get(pk=case.pk).provider is None
    act("assign", provider=str(place.lawyer.pk))
    act("step", kind="drafting", note="代写仲裁申请书")
    page = act("close", outcome="won", recovered="-5").content.decode()
    assert "挽回金额不能为负数" in page
    act("close", outcome="won", recovered="15000", outcome_note="仲裁裁决支持")
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.recovered == 15000


def test_a_lawyer_sees_and_acts_only_on_their_own_cases(place: Place) -> None:
    mine = to_acting(place, apply(place))
    theirs = apply(place, summary="别人的案件")
    cases.case_accept(actor=place.tree.cadre, case=theirs)
    cases.case_assign(actor=place.tree.cadre, case=theirs, firm="另一律所")
    assert place.lawyer.user is not None
    lawyer = _client(place.lawyer.user)
    listing = lawyer.get(reverse("legalaid_h5:lawyer_list")).content.decode()
    assert mine.ref in listing and theirs.ref not in listing
    assert lawyer.get(reverse("legalaid_h5:lawyer_case", args=[theirs.pk])).status_code == 404
    step = lawyer.post(reverse("legalaid_h5:lawyer_act", args=[theirs.pk, "step"]), {"kind": "drafting"})
    assert step.status_code == 404
    page = lawyer.get(reverse("legalaid_h5:lawyer_case", args=[mine.pk])).content.decode()
    assert "周快递" in page and "139****0001" in page and "13900000001" not in page
    assert _reads(mine) == 1
    lawyer.post(reverse("legalaid_h5:lawyer_act", args=[mine.pk, "close"]), {"outcome": "settled", "recovered": "800"})
    assert LegalAidCase.objects.get(pk=mine.pk).status == CaseStatus.CLOSED
    assert lawyer.get(reverse("legalaid:cases")).status_code == 403  # no workbench for a partner


def test_a_worker_sees_their_own_status_and_outcome_never_notes(place: Place) -> None:
    case = to_acting(place, apply(place))
    cases.case_note(actor=place.tree.cadre, case=case, note="内部备注：单位法人有失信记录")
    assert place.lawyer.user is not None
    cases.case_close(actor=place.lawyer.user, case=case, outcome="settled", recovered=6800, outcome_note="一次性支付")
    someone = apply(place, place.migrant, summary="马进城的案件")
    worker = UserFactory(username="zhou-worker", kind="worker")
    WorkerAccount.objects.create(user=worker, person=place.member)
    consultations.consultation_ask(person=place.member, user=worker, topic="wages", question="我的咨询问题")
    client = _client(worker)
    page = client.get(reverse("legalaid_h5:mine")).content.decode()
    assert case.ref in page and "调解或和解成功" in page and "6,800.00" in page and "一次性支付" in page
    assert "内部备注" not in page and "面谈，收集工资条" not in page and someone.ref not in page
    assert "我的咨询问题" in page and "待答复" in page
    response = client.post(reverse("legalaid_h5:ask"), {"topic": "injury", "question": "工伤怎么认定？"})
    assert response.status_code == 302
    me = client.get(reverse("portal:me")).content.decode()
    assert case.ref in me


def test_lists_take_a_bounded_number_of_queries(place: Place, django_assert_max_num_queries: Any) -> None:
    for n in range(12):
        apply(place, summary=f"案件{n}")
        data = consultations.ConsultationFields(channel="hotline", topic="wages", question=f"问题{n}", name=f"来电{n}")
        consultations.consultation_record(actor=place.tree.cadre, org=place.tree.union, data=data)
    client = _client(place.tree.cadre)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("legalaid:cases")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("legalaid:consultations")).status_code == 200
    to_acting(place, LegalAidCase.objects.first())  # type: ignore[arg-type]
    assert place.lawyer.user is not None
    lawyer = _client(place.lawyer.user)
    with django_assert_max_num_queries(8):
        assert lawyer.get(reverse("legalaid_h5:lawyer_list")).status_code == 200
