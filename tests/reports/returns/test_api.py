"""Returns over the API: forms, a union's returns, compute, submit (once), the children's roll-up, one
submission with its differences, 退回; Chinese reasons for bad input, 404 outside the scope."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.services import return_submit
from tests.factories import today
from tests.reports.returns.conftest import MONTHLY, Fed, api


def _post(client: Client, url: str, data: dict[str, Any]) -> Any:
    return client.post(url, data=json.dumps(data), content_type="application/json")


def _sheet(fed: Fed, org: Any, period: str | None = None) -> str:
    return f"/api/v1/returns/sheets/{org.code}/{MONTHLY}/{period or fed.key}"


def test_the_forms_list_their_rows_with_definitions(fed: Fed) -> None:
    forms = api(fed.town1_cadre).get("/api/v1/returns/forms").json()
    assert [f["name"] for f in forms] == ["月度入会统计表", "季度帮扶救助统计表", "年度工会基层组织统计表"]
    monthly = forms[0]
    assert monthly["period_kind"] == "month" and monthly["due_days"] == 5 and "grassroots" not in monthly["kinds"]
    joined = monthly["rows"][0]
    assert (joined["key"], joined["label"], joined["unit"], joined["rollup"]) == (
        "members_joined",
        "新入会",
        "人",
        "sum",
    )
    assert joined["definition"] and joined["section"] == "本月入会和会籍变动"


def test_a_return_is_computed_submitted_once_and_compared_later(fed: Fed) -> None:
    client = api(fed.town1_cadre)
    computed = client.get(_sheet(fed, fed.town1)).json()
    assert computed["status"] == "overdue" and computed["id"] is None and computed["ended"] is True
    rows = {row["key"]: row for row in computed["rows"]}
    assert rows["members_joined"]["value"] == 3 and rows["members_total"]["value"] == 4
    created = _post(client, f"{_sheet(fed, fed.town1)}/submit", {"remarks": "已核对"})
    assert created.status_code == 201
    body = created.json()
    assert body["status"] == "submitted" and body["remarks"] == "已核对" and body["submitted_by"]
    again = _post(client, f"{_sheet(fed, fed.town1)}/submit", {"remarks": ""})
    assert again.status_code == 422 and again.json()["detail"] == "该报表已报送，不能重复报送。"
    fed.join(fed.town1, fed.month.end)
    one = client.get(f"/api/v1/returns/submissions/{body['id']}").json()
    assert one["changed"] is True
    joined = next(row for row in one["rows"] if row["key"] == "members_joined")
    assert (joined["value"], joined["live_value"], joined["changed"]) == (3, 4, True)
    assert Submission.objects.get().values["members_joined"] == 3


def test_bad_input_gets_its_reason_and_changes_nothing(fed: Fed) -> None:
    client = api(fed.town1_cadre)
    future = f"{today().year + 1}-02"
    answer = client.get(_sheet(fed, fed.town1, future))
    assert answer.status_code == 422 and answer.json()["detail"] == "统计期间还没有开始，不能统计将来的数字。"
    posted = _post(client, f"{_sheet(fed, fed.town1, future)}/submit", {})
    assert posted.status_code == 422 and posted.json()["detail"] == "统计期间还没有开始，不能统计将来的数字。"
    long = _post(client, f"{_sheet(fed, fed.town1)}/submit", {"remarks": "说" * 501})
    assert long.status_code == 422
    unknown = client.get(f"/api/v1/returns/sheets/{fed.town1.code}/yearly/2025")
    assert unknown.status_code == 422 and unknown.json()["detail"] == "没有这个统计报表：yearly"
    assert Submission.objects.count() == 0


def test_outside_the_scope_is_not_found_and_only_the_right_people_act(fed: Fed) -> None:
    sibling = api(fed.sibling_admin)
    assert sibling.get(_sheet(fed, fed.town1)).status_code == 404
    assert _post(sibling, f"{_sheet(fed, fed.town1)}/submit", {}).status_code == 404
    assert sibling.get(f"{_sheet(fed, fed.county)}/children").status_code == 404
    assert sibling.get(f"/api/v1/returns/due/{fed.town1.code}").status_code == 404
    assert _post(api(fed.county_admin), f"{_sheet(fed, fed.town1)}/submit", {}).status_code == 403
    submission = return_submit(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key)
    assert sibling.get(f"/api/v1/returns/submissions/{submission.pk}").status_code == 404
    url = f"/api/v1/returns/submissions/{submission.pk}/send-back"
    assert _post(api(fed.town1_cadre), url, {"reason": "撤回"}).status_code == 403
    assert _post(sibling, url, {"reason": "撤回"}).status_code == 404
    returned = _post(api(fed.county_admin), url, {"reason": "转会人数请核实"})
    assert returned.status_code == 200 and returned.json()["status"] == "returned"
    assert returned.json()["return_reason"] == "转会人数请核实"


def test_the_federation_reads_its_childrens_returns_and_the_roll_up(fed: Fed) -> None:
    for org, cadre in ((fed.town1, fed.town1_cadre), (fed.town2, fed.town2_cadre)):
        return_submit(actor=cadre, org=org, form_key=MONTHLY, period_text=fed.key)
    client = api(fed.county_admin)
    body = client.get(f"{_sheet(fed, fed.county)}/children").json()
    assert body["counts"] == {"submitted": 2, "overdue": 1} and body["children_total"] == 3
    totals = {t["key"]: t for t in body["totals"]}
    assert (totals["members_joined"]["total"], totals["members_joined"]["subtree_now"]) == (6, 8)
    assert (totals["members_total"]["total"], totals["members_total"]["submitted_sum"]) == (9, None)
    assert [(c["org"], c["status"], c["values"].get("members_joined")) for c in body["children"]] == [
        ("t-shanggang", "submitted", 3),
        ("t-jinhu", "submitted", 3),
        ("t-gangdong", "overdue", None),
    ]
    overdue = client.get(f"{_sheet(fed, fed.county)}/children", {"status": "overdue"}).json()
    assert [c["org"] for c in overdue["children"]] == ["t-gangdong"] and overdue["children_total"] == 1
    paged = client.get(f"{_sheet(fed, fed.county)}/children", {"offset": 1, "limit": 1}).json()
    assert [c["org"] for c in paged["children"]] == ["t-jinhu"]
    assert client.get(f"{_sheet(fed, fed.county)}/children", {"limit": 0}).status_code == 422


def test_a_unions_returns_due(fed: Fed) -> None:
    return_submit(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key)
    rows = api(fed.county_admin).get(f"/api/v1/returns/due/{fed.town1.code}").json()
    assert len(rows) == 12
    mine = next(row for row in rows if row["form"] == MONTHLY and row["period"] == fed.key)
    assert mine["status"] == "submitted" and mine["submitted_at"]
