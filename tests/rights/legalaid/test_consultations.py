"""Consultations from every channel: recorded by a union (station walk-in, 12351, a lawyer's booked session),
asked online in 我的, answered with a follow-up, and turned into a case kept by the worker's own union and
helped by the consultation's (cross-region)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Appointment
from gonghui.rights.legalaid import cases, consultations
from gonghui.rights.legalaid.choices import CaseStatus, ConsultationChannel, FollowUp
from gonghui.rights.legalaid.models import Consultation, LegalAidCase
from tests.factories import UserFactory, make_station
from tests.rights.legalaid.conftest import Place

pytestmark = pytest.mark.django_db


def _fields(**kw: object) -> consultations.ConsultationFields:
    base: dict[str, object] = {
        "channel": ConsultationChannel.WALK_IN,
        "topic": "wages",
        "question": "老板拖欠工资怎么办？",
    }
    return consultations.ConsultationFields(**(base | kw))  # type: ignore[arg-type]


def test_a_walk_in_at_a_station_is_recorded_answered_and_called_back(place: Place) -> None:
    station = make_station(place.tree.county, name="商南籍农民工维权服务站（西安）", kind="legal")
    c = consultations.consultation_record(
        actor=place.tree.cadre, org=place.tree.county,
        data=_fields(station=station, name="来访人", mobile="13912345678"),
    )  # fmt: skip
    assert c.person is None and c.mobile is not None and c.mobile.masked() == "139****5678"
    later = timezone.localdate() + dt.timedelta(days=3)
    consultations.consultation_answer(actor=place.tree.cadre, consultation=c, answer="先申请劳动监察。",
                                      follow_up=FollowUp.CALL_BACK, call_back_on=later)  # fmt: skip
    c.refresh_from_db()
    assert c.follow_up == FollowUp.CALL_BACK and c.call_back_on == later and c.answered_by == place.tree.cadre


def test_bad_consultations_say_why_and_change_nothing(place: Place) -> None:
    other_station = make_station(place.tree.stranger, name="泰安服务站")
    cadre, org = place.tree.cadre, place.tree.union
    for data, says in [
        (_fields(question=""), "请填写咨询问题"),
        (_fields(name=""), "咨询人姓名"),
        (_fields(name="张三", mobile="123"), "11位手机号码"),
        (_fields(name="张三", station=other_station), "不属于受理工会"),
        (_fields(name="张三", follow_up=FollowUp.CALL_BACK), "回访日期"),
        (_fields(name="张三", channel=ConsultationChannel.APPOINTMENT), "选择对应的预约"),
    ]:
        with pytest.raises(ValidationError) as exc:
            consultations.consultation_record(actor=cadre, org=org, data=data)
        assert says in "；".join(exc.value.messages)
    assert not Consultation.objects.exists()


def test_a_worker_asks_online_and_a_non_member_is_told_to_call(place: Place) -> None:
    user = UserFactory(username="worker-1")
    c = consultations.consultation_ask(person=place.member, user=user, topic="contract", question="没签合同怎么办？")
    assert c.channel == ConsultationChannel.ONLINE and c.org == place.tree.union
    with pytest.raises(ValidationError) as exc:
        consultations.consultation_ask(person=place.migrant, user=user, topic="wages", question="问")
    assert "12351" in exc.value.messages[0]


def test_a_lawyers_booked_session_is_linked_and_its_case_recorded_on_the_appointment(place: Place) -> None:
    start = timezone.now() - dt.timedelta(days=1)
    appointment = Appointment.objects.create(
        provider=place.lawyer, person=place.member, kind=ServiceKind.LEGAL, starts_at=start,
        ends_at=start + dt.timedelta(minutes=30), status="done",
    )  # fmt: skip
    c = consultations.consultation_record(
        actor=place.tree.cadre, org=place.tree.county,
        data=_fields(channel=ConsultationChannel.APPOINTMENT, appointment=appointment, answer="建议申请援助"),
    )  # fmt: skip
    assert c.person == place.member and c.appointment == appointment
    with pytest.raises(ValidationError) as exc:  # one consultation per session
        again = _fields(channel=ConsultationChannel.APPOINTMENT, appointment=appointment)
        consultations.consultation_record(actor=place.tree.cadre, org=place.tree.county, data=again)
    assert "已登记过" in exc.value.messages[0]
    case = cases.case_from_consultation(
        actor=place.tree.cadre, consultation=c, data=cases.CaseFields(topic="wages", summary="追讨工资")
    )
    appointment.refresh_from_db()
    assert appointment.legal_aid_case_id == case.pk
    c.refresh_from_db()
    assert c.follow_up == FollowUp.CASE and c.case == case


def test_a_stations_consultation_becomes_a_cross_region_case(place: Place) -> None:
    """The 泰安 union runs a station helping a 商南 worker: the case is 商南's, 泰安 helps; both see it."""
    station = make_station(place.tree.stranger, name="泰安农民工维权服务站", kind="legal")
    c = consultations.consultation_record(
        actor=place.tree.outsider, org=place.tree.stranger, data=_fields(station=station, name="周快递")
    )
    with pytest.raises(ValidationError) as exc:  # no ID number: the person cannot be checked
        cases.case_from_consultation(actor=place.tree.outsider, consultation=c,
                                     data=cases.CaseFields(topic="wages", summary="在泰安工地被欠薪"))  # fmt: skip
    assert "证件号码" in exc.value.messages[0]
    case = cases.case_from_consultation(
        actor=place.tree.outsider, consultation=c, data=cases.CaseFields(topic="wages", summary="在泰安工地被欠薪"),
        person=place.member,
    )  # fmt: skip
    assert (case.org, case.helping_org, case.status) == (place.tree.union, place.tree.stranger, CaseStatus.APPLIED)
    with pytest.raises(ValidationError):  # a consultation becomes one case
        cases.case_from_consultation(actor=place.tree.outsider, consultation=c,
                                     data=cases.CaseFields(topic="wages", summary="再来一次"))  # fmt: skip
    assert LegalAidCase.objects.count() == 1
    # 泰安's staff (the helping union) act on it too: review and a lawyer of their own.
    cases.case_accept(actor=place.tree.outsider, case=case)
    cases.case_assign(actor=place.tree.outsider, case=case, provider=place.stranger_lawyer)
    assert case.status == CaseStatus.ASSIGNED
