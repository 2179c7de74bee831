"""The workbench pages (lists in a few queries; a cadre records representatives, a session, a resolution, a
proposal's follow-up and a 厂务公开 item), the API, and what a read-only cadre may do."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client
from django.urls import reverse

from gonghui.accounts.services import api_token_issue
from gonghui.orgs.roles import Role
from gonghui.rights.democracy.models import Disclosure, Proposal, Representative, Resolution, Session
from tests.factories import Tree, UserFactory, grant, id_number
from tests.rights.democracy.factories import desk, enterprise_of, member, reps, session_of


def _api(user: Any) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token_issue(user=user, name='t').secret}"})


def test_lists_read_in_a_few_queries(tree: Tree, django_assert_max_num_queries: Any) -> None:
    for i in range(12):
        firm = enterprise_of(tree.union if i % 2 else tree.other, name=f"企业{i}")
        reps(firm, tree.cadre, start=1000 + 10 * i, industrial=(True, 2))
        session = session_of(firm, tree.cadre, seats=2, attended=2)
        Proposal.objects.create(session=session, title=f"提案{i}")
        Disclosure.objects.create(
            enterprise=firm,
            topic="wages",
            title=f"公开{i}",
            disclosed_on=session.held_on,
            channel="board",
            created_by=tree.cadre,
        )
    client = desk(tree.cadre)
    for name, marker in (
        ("democracy:enterprises", "企业11"),
        ("democracy:sessions", "企业11"),
        ("democracy:proposals", "提案11"),
        ("democracy:disclosures", "公开11"),
    ):
        client.get(reverse(name))
        with django_assert_max_num_queries(10):
            page = client.get(reverse(name)).content.decode()
        assert marker in page, name
    narrowed = client.get(reverse("democracy:proposals"), {"under": tree.union.code}).content.decode()
    assert "提案11" in narrowed and "提案10" not in narrowed
    assert "企业11" not in desk(tree.outsider).get(reverse("democracy:enterprises")).content.decode()


def test_a_cadre_records_a_congress(tree: Tree) -> None:
    firm = enterprise_of(tree.union)
    for seq in range(1, 4):
        member(tree.union, seq, sex="F" if seq == 1 else "M")
    client = desk(tree.union_cadre)
    act = reverse("democracy:enterprise_act", args=[firm.pk, "representative"])
    for seq in range(1, 4):
        client.post(act, {"member": f"M{seq:05d}", "term": 1, "elected_on": "2024-03-01"})
    client.post(act, {"member": id_number(1), "term": 1, "elected_on": "2024-03-01"})  # twice: refused
    client.post(act, {"member": "M99999", "term": 1, "elected_on": "2024-03-01"})
    assert Representative.objects.filter(enterprise=firm).count() == 3
    assert Representative.objects.get(membership__person__sex="F").woman
    page = client.get(reverse("democracy:enterprise", args=[firm.pk])).content.decode()
    assert "职工1" in page and "100.0%" in page  # all three are 产业工人 of a factory
    client.post(
        reverse("democracy:enterprise_act", args=[firm.pk, "session"]),
        {"term": 1, "number": 1, "held_on": "2024-03-20", "attended": 3},
    )
    session = Session.objects.get()
    client.post(
        reverse("democracy:session_act", args=[session.pk, "resolution"]),
        {
            "subject": "contract",
            "title": "审议工资专项集体合同草案",
            "votes_for": 3,
            "votes_against": 0,
            "votes_abstain": 0,
        },
    )
    assert Resolution.objects.get().adopted
    client.post(reverse("democracy:session_act", args=[session.pk, "proposal"]), {"title": "增设休息室"})
    proposal = Proposal.objects.get()
    client.post(
        reverse("democracy:follow_up", args=["proposal", proposal.pk]),
        {"status": "done", "owner": "行政部", "done_on": "2024-04-01", "outcome": "已建成"},
    )
    proposal.refresh_from_db()
    assert proposal.status == "done"
    client.post(
        reverse("democracy:enterprise_act", args=[firm.pk, "disclosure"]),
        {
            "topic": "wages",
            "title": "工资调整方案",
            "disclosed_on": "2024-03-20",
            "channel": "congress",
            "session": session.pk,
        },
    )
    assert Disclosure.objects.get().session == session
    session_page = client.get(reverse("democracy:session", args=[session.pk])).content.decode()
    assert "审议工资专项集体合同草案" in session_page and "已办结" in session_page


def test_a_read_only_cadre_reads_and_cannot_write(tree: Tree) -> None:
    firm = enterprise_of(tree.union)
    reader = UserFactory(username="reader")
    grant(reader, tree.union, Role.READONLY)
    client = desk(reader)
    assert client.get(reverse("democracy:enterprise", args=[firm.pk])).status_code == 200
    response = client.post(
        reverse("democracy:enterprise_act", args=[firm.pk, "disclosure"]),
        {"topic": "wages", "title": "x", "disclosed_on": "2024-03-20", "channel": "board"},
    )
    assert response.status_code == 403 and not Disclosure.objects.exists()


def test_the_api(tree: Tree) -> None:
    firm = enterprise_of(tree.union)
    reps(firm, tree.cadre, term=1, industrial=(True, 2))
    reps(firm, tree.cadre, term=1, start=2000, manager=(True, 1))
    member(tree.union, 77)
    client = _api(tree.cadre)

    def post(name: str, body: dict[str, Any], *args: Any) -> Any:
        return client.post(reverse(f"api:{name}", args=args), json.dumps(body), content_type="application/json")

    added = post("democracy_representatives_add", {"member": "M00077", "term": 1, "elected_on": "2024-01-01"}, firm.pk)
    assert added.status_code == 201 and added.json()["industrial"] is True
    shares = client.get(reverse("api:democracy_shares", args=[firm.pk])).json()
    industrial = next(s for s in shares["shares"] if s["category"] == "industrial")
    assert shares["total"] == 4 and industrial["count"] == 3 and industrial["pct"] == 75.0
    bad = post("democracy_sessions_create", {"term": 1, "number": 1, "held_on": "2024-02-01", "attended": 5}, firm.pk)
    assert bad.status_code == 422 and "实到代表须在0至4人之间" in bad.json()["detail"] and not Session.objects.exists()
    made = post("democracy_sessions_create", {"term": 1, "number": 1, "held_on": "2024-02-01", "attended": 3}, firm.pk)
    assert made.status_code == 201 and made.json()["quorate"] is True
    resolution = post(
        "democracy_resolutions_create", {"subject": "contract", "title": "审议合同", "votes_for": 3}, made.json()["id"]
    )
    assert resolution.json()["adopted"] is True
    detail = client.get(reverse("api:democracy_sessions_get", args=[made.json()["id"]])).json()
    assert detail["resolutions"][0]["title"] == "审议合同"
    assert _api(tree.outsider).get(reverse("api:democracy_shares", args=[firm.pk])).status_code == 404
