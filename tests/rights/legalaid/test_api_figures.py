"""The API (scoped by the rights role, each answer audited, Chinese reasons for bad input) and the figures
(consultations by channel and topic, cases by stage, money recovered, 普法 sessions and reach)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from gonghui.accounts.services import api_token_issue
from gonghui.common.models import AuditAction, AuditEvent
from gonghui.events.choices import EventKind, EventStatus, ScanOutcome
from gonghui.events.models import Event, Scan
from gonghui.rights.legalaid import cases, consultations
from gonghui.rights.legalaid.figures import legalaid_figures
from gonghui.rights.legalaid.models import LegalAidCase
from tests.factories import id_number
from tests.orgs.drilldown import client_of, follow, found
from tests.rights.legalaid.conftest import Place, apply, to_acting

pytestmark = pytest.mark.django_db


def _api(user: Any, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    token = api_token_issue(user=user, name="t").secret
    kwargs: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if body is not None:
        kwargs.update(data=json.dumps(body), content_type="application/json")
    return getattr(Client(), method)(f"/api/v1{path}", **kwargs)


def test_the_api_creates_and_moves_a_case(place: Place) -> None:
    body = {"org_code": place.tree.union.code, "id_number": id_number(1), "topic": "wages", "summary": "欠薪"}
    made = _api(place.officer, "post", "/legalaid/cases", body)
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    assert made.json()["id_number"].count("*") >= 8 and made.json()["person"] == "周快递"
    moved = _api(place.officer, "post", f"/legalaid/cases/{pk}/transition", {"action": "accept"})
    assert moved.json()["status"] == "accepted" and moved.json()["basis"] == "member"
    bad = _api(place.officer, "post", f"/legalaid/cases/{pk}/transition",
               {"action": "assign", "provider_id": place.stranger_lawyer.pk})  # fmt: skip
    assert bad.status_code == 422 and "其他工会" in bad.json()["detail"]
    listed = _api(place.officer, "get", "/legalaid/cases")
    assert [r["id"] for r in listed.json()["items"]] == [pk]
    reads = AuditEvent.objects.filter(action=AuditAction.VIEW_SENSITIVE, target_id=str(pk)).count()
    assert reads >= 3  # the create's answer, the transition's, the list's row


def test_the_api_refuses_bad_input_with_a_chinese_reason(place: Place) -> None:
    outsider_person = {"org_code": place.tree.union.code, "id_number": id_number(2), "topic": "wages",
                       "summary": "欠薪"}  # fmt: skip
    response = _api(place.officer, "post", "/legalaid/cases", outsider_person)
    assert response.status_code == 422 and "没有该证件号码" in response.json()["detail"]
    case = to_acting(place, apply(place))
    response = _api(place.officer, "post", f"/legalaid/cases/{case.pk}/transition",
                    {"action": "close", "outcome": "won", "recovered": "-10"})  # fmt: skip
    assert response.status_code == 422 and "负数" in response.json()["detail"]
    response = _api(place.officer, "post", f"/legalaid/cases/{case.pk}/transition", {"action": "close"})
    assert response.status_code == 422 and "结案结果" in response.json()["detail"]
    assert LegalAidCase.objects.get(pk=case.pk).status == "acting"
    assert _api(place.clerk, "get", f"/legalaid/cases/{case.pk}").status_code == 403
    assert _api(place.tree.outsider, "get", f"/legalaid/cases/{case.pk}").status_code == 404
    assert _api(place.clerk, "get", "/legalaid/cases").json()["items"] == []


def test_consultations_over_the_api(place: Place) -> None:
    body = {"org_code": place.tree.union.code, "channel": "hotline", "topic": "injury", "question": "工伤？",
            "name": "来电人", "mobile": "13912340000"}  # fmt: skip
    made = _api(place.officer, "post", "/legalaid/consultations", body)
    assert made.status_code == 201 and made.json()["mobile"] == "139****0000"
    got = _api(place.officer, "get", f"/legalaid/consultations/{made.json()['id']}")
    assert got.json()["who"] == "来电人"
    assert _api(place.tree.outsider, "get", "/legalaid/consultations").json()["items"] == []


def test_figures_count_channels_topics_stages_money_and_law_sessions(place: Place) -> None:
    year = timezone.localdate().year
    data = consultations.ConsultationFields(channel="hotline", topic="wages", question="欠薪", name="甲")
    consultations.consultation_record(actor=place.tree.cadre, org=place.tree.union, data=data)
    case = to_acting(place, apply(place))
    assert place.lawyer.user is not None
    cases.case_close(actor=place.lawyer.user, case=case, outcome="won", recovered=Decimal("12345.60"))
    apply(place, place.migrant)
    start = timezone.now() - dt.timedelta(days=2)
    if start.year != year:
        start = timezone.now() - dt.timedelta(hours=3)
    law = Event.objects.create(org=place.tree.union, kind=EventKind.LAW, title="普法讲座", starts_at=start,
                               ends_at=start + dt.timedelta(hours=2), capacity=100, status=EventStatus.PUBLISHED,
                               created_by=place.tree.cadre)  # fmt: skip
    Scan.objects.bulk_create(Scan(event=law, nonce=f"n{i}", outcome=ScanOutcome.WALK_IN, scanned_at=start,
                                  scanner=place.tree.cadre) for i in range(37))  # fmt: skip
    Event.objects.create(org=place.tree.union, kind=EventKind.LAW, title="未发布的讲座", starts_at=start,
                         ends_at=start + dt.timedelta(hours=2), capacity=100, status=EventStatus.DRAFT,
                         created_by=place.tree.cadre)  # fmt: skip
    figures = {f.key: f for f in legalaid_figures(place.tree.county, year)}
    assert figures["legal_consultations"].value == 1 and figures["legal_channel_hotline"].value == 1
    assert figures["legal_cases"].value == 2 and figures["legal_stage_closed"].value == 1
    assert figures["legal_stage_applied"].value == 1
    assert figures["legal_recovered"].value == Decimal("12345.60")
    assert figures["law_sessions"].value == 1 and figures["law_reached"].value == 37
    assert "under=" in figures["legal_cases"].url and figures["legal_cases"].definition
    assert "kind=law" in figures["law_sessions"].url
    # the link lists the sessions counted: the draft is left out
    assert found(follow(client_of(place.tree.cadre), figures["law_sessions"].url)) == 1
    assert {f.key: f.value for f in legalaid_figures(place.tree.stranger, year)}["legal_cases"] == 0
