"""The API: scoped by the rights role; actions and closure; bad input is a 422 with a Chinese reason."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from gonghui.accounts.services import api_token_issue
from gonghui.common.models import AuditEvent
from gonghui.rights.earlywarning.choices import Trigger
from gonghui.rights.earlywarning.models import EarlyWarning, IndicatorEntry
from gonghui.rights.earlywarning.recompute import levels_recompute
from tests.rights.earlywarning.conftest import checkup_with_problems, enter

pytestmark = pytest.mark.usefixtures("no_cases")


class Api:
    def __init__(self, user: Any) -> None:
        self.client = Client(headers={"Authorization": f"Bearer {api_token_issue(user=user, name='t').secret}"})

    def get(self, path: str) -> Any:
        return self.client.get(f"/api/v1{path}")

    def post(self, path: str, data: dict[str, Any]) -> Any:
        return self.client.post(f"/api/v1{path}", json.dumps(data, default=str), content_type="application/json")


@pytest.fixture
def warned(place: SimpleNamespace) -> EarlyWarning:
    enter(place, place.firm, "layoffs", 100)
    levels_recompute(trigger=Trigger.COMMAND)
    return EarlyWarning.objects.get()


def test_warnings_list_get_act_close(place: SimpleNamespace, warned: EarlyWarning) -> None:
    api = Api(place.rights)
    listed = api.get("/earlywarning/warnings").json()
    assert [w["enterprise"] for w in listed] == [place.firm.name]
    assert api.get(f"/earlywarning/warnings/{warned.pk}").json()["level"] == "orange"
    assert AuditEvent.objects.filter(action="view_sensitive", target_id=str(warned.pk)).exists()
    refused = api.post(f"/earlywarning/warnings/{warned.pk}/close", {})
    assert refused.status_code == 422 and "不能关闭" in refused.json()["detail"]
    made = api.post(f"/earlywarning/warnings/{warned.pk}/actions", {"on": timezone.localdate(), "note": "约谈"})
    assert made.status_code == 201
    closed = api.post(f"/earlywarning/warnings/{warned.pk}/close", {"note": "已补发"})
    assert closed.json()["status"] == "closed"


def test_levels_entries_and_checkups(place: SimpleNamespace, warned: EarlyWarning) -> None:
    api = Api(place.rights)
    levels = api.get("/earlywarning/levels?level=orange").json()
    assert levels[0]["enterprise"] == place.firm.name and levels[0]["values"] == {"layoffs": "100"}
    made = api.post(
        "/earlywarning/entries",
        {"uscc": place.firm2.uscc, "kind": "overtime", "value": "3", "as_of": timezone.localdate()},
    )
    assert made.status_code == 201 and IndicatorEntry.objects.filter(enterprise=place.firm2).exists()
    negative = api.post(
        "/earlywarning/entries",
        {"uscc": place.firm2.uscc, "kind": "overtime", "value": "-3", "as_of": timezone.localdate()},
    )
    assert negative.status_code == 422 and negative.json()["detail"] == "数值不能为负数。"
    outside = api.post(
        "/earlywarning/entries",
        {"uscc": place.far.uscc, "kind": "overtime", "value": "3", "as_of": timezone.localdate()},
    )
    assert outside.status_code == 404 and not IndicatorEntry.objects.filter(enterprise=place.far).exists()
    checkup = checkup_with_problems(place, place.firm, problems=2)
    assert api.get("/earlywarning/checkups").json()[0]["open_items"] == 2
    detail = api.get(f"/earlywarning/checkups/{checkup.pk}").json()
    assert len(detail["findings"]) == 6 and len(detail["rectifications"]) == 2
    created = api.post(
        "/earlywarning/checkups", {"uscc": place.firm2.uscc, "visited_on": timezone.localdate(), "team": "王律师"}
    )
    assert created.status_code == 201 and len(created.json()["findings"]) == 6


def test_cadres_without_the_rights_role_see_no_rows(place: SimpleNamespace, warned: EarlyWarning) -> None:
    api = Api(place.reader)
    assert api.get("/earlywarning/warnings").json() == []
    assert api.get("/earlywarning/levels").json() == []
    assert api.get(f"/earlywarning/warnings/{warned.pk}").status_code == 403
    assert Api(place.outsider).get(f"/earlywarning/warnings/{warned.pk}").status_code == 404
