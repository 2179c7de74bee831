"""名师带徒's workbench and phone pages (with query counts), the API, the figures and the demo."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from gonghui.accounts.services import api_token_issue
from gonghui.orgs.kinds import OrgKind
from gonghui.skills.mentoring import services
from gonghui.skills.mentoring.choices import PairStatus
from gonghui.skills.mentoring.demo import load_demo_mentoring
from gonghui.skills.mentoring.figures import mentoring_figures
from gonghui.skills.mentoring.models import Evaluation, Mentor, Milestone, Pair
from tests.factories import Tree, UserFactory, id_number, make_member, make_org, today
from tests.skills.mentoring.factories import make_mentor, pair_fields
from tests.wishes.factories import desk, worker_client

pytestmark = pytest.mark.django_db


def _pairs(tree: Tree, n: int) -> list[Pair]:
    mentors = [make_mentor(tree.county, make_member(tree.union, 100 + i).person, tree.cadre) for i in range(n // 3 + 1)]
    return [
        services.pair_create(
            actor=tree.cadre,
            org=tree.union,
            mentor=mentors[i // 3],
            apprentice=make_member(tree.union, 200 + i).person,
            data=pair_fields(),
        )
        for i in range(n)
    ]


def test_lists_read_a_fixed_number_of_queries_and_hold_the_scope(
    tree: Tree, django_assert_max_num_queries: Any
) -> None:
    pairs = _pairs(tree, 12)
    client = desk(tree.cadre)
    with django_assert_max_num_queries(8):
        page = client.get("/mentoring/").content.decode()
    assert all(p.apprentice.name in page for p in pairs)
    with django_assert_max_num_queries(8):
        assert client.get("/mentoring/mentors/").status_code == 200
    assert pairs[0].apprentice.name not in desk(tree.outsider).get("/mentoring/").content.decode()
    assert desk(tree.outsider).get(f"/mentoring/{pairs[0].pk}/").status_code == 404


def test_a_cadre_follows_a_pair_on_its_page(tree: Tree) -> None:
    pair = _pairs(tree, 1)[0]
    client = desk(tree.cadre)
    client.post(f"/mentoring/{pair.pk}/milestone/", {"title": "独立完成零件", "due_on": today().isoformat()})
    milestone = Milestone.objects.get()
    client.post(f"/mentoring/{pair.pk}/done/", {"milestone": milestone.pk, "done_on": today().isoformat()})
    client.post(f"/mentoring/{pair.pk}/evaluate/", {"direction": "of_apprentice", "stage": "midterm", "score": "88"})
    response = client.post(
        f"/mentoring/{pair.pk}/close/", {"outcome": "ended", "closed_on": today().isoformat()}, follow=True
    )
    assert "请填写提前解除的原因" in response.content.decode()
    client.post(
        f"/mentoring/{pair.pk}/close/",
        {"outcome": "completed", "closed_on": today().isoformat(), "competition_results": "二等奖"},
    )
    pair.refresh_from_db()
    milestone.refresh_from_db()
    assert milestone.done_on == today() and Evaluation.objects.get().score == 88
    assert pair.status == PairStatus.COMPLETED and pair.competition_results == "二等奖"


def test_a_cadre_registers_a_mentor_and_pairs_on_the_workbench(tree: Tree) -> None:
    make_member(tree.union, 300)
    make_member(tree.union, 301)
    client = desk(tree.cadre)
    client.post(
        "/mentoring/mentors/",
        {"org": tree.union.code, "id_number": id_number(300), "kind": "technician", "max_apprentices": "2"},
    )
    mentor = Mentor.objects.get()
    response = client.post(
        "/mentoring/new/",
        {
            "org": tree.union.code,
            "mentor": mentor.pk,
            "id_number": id_number(301),
            "occupation": "6-18-01-01",
            "mode": "dual",
            "school": "商洛职业技术学院",
            "starts_on": today().isoformat(),
            "ends_on": (today() + dt.timedelta(days=365)).isoformat(),
            "goals": "掌握数控车床编程",
        },
    )
    pair = Pair.objects.get()
    assert response.status_code == 302 and pair.occupation is not None and pair.occupation.name == "车工"


def test_the_worker_sees_their_pair_and_evaluates_the_other_side(tree: Tree) -> None:
    pair = _pairs(tree, 1)[0]
    phone, _user = worker_client(pair.apprentice.memberships.get())
    page = phone.get("/h5/me/mentoring/").content.decode()
    assert pair.mentor.person.name in page and "我的师傅" in page
    assert "我的师徒" in phone.get("/h5/me/").content.decode()
    phone.post(f"/h5/me/mentoring/{pair.pk}/evaluate/", {"direction": "of_mentor", "stage": "midterm", "score": "96"})
    phone.post(f"/h5/me/mentoring/{pair.pk}/evaluate/", {"direction": "of_apprentice", "stage": "final", "score": "10"})
    assert list(Evaluation.objects.values_list("direction", "score")) == [("of_mentor", 96)]
    other, _u = worker_client(make_member(tree.union, 400))
    assert other.post(f"/h5/me/mentoring/{pair.pk}/evaluate/", {"direction": "of_mentor"}).status_code == 404


def _api(user: Any) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token_issue(user=user, name='t').secret}"})


def test_the_api_pairs_and_refuses_a_second_pair(tree: Tree) -> None:
    mentor = make_mentor(tree.county, make_member(tree.union, 500).person, tree.cadre)
    make_member(tree.union, 501)
    client = _api(tree.cadre)
    data = {
        "org_code": tree.union.code,
        "mentor_id": mentor.pk,
        "apprentice_id_number": id_number(501),
        "occupation_code": "6-31-01-03",
        "starts_on": today().isoformat(),
        "ends_on": (today() + dt.timedelta(days=365)).isoformat(),
        "goals": "取得电工四级证书",
    }
    created = client.post("/api/v1/mentoring/pairs", data=json.dumps(data), content_type="application/json")
    assert created.status_code == 201 and created.json()["occupation"] == "6-31-01-03"
    again = client.post("/api/v1/mentoring/pairs", data=json.dumps(data), content_type="application/json")
    assert again.status_code == 422 and "同一期间不能再结对" in again.json()["detail"]
    pk = created.json()["id"]
    milestone = client.post(
        f"/api/v1/mentoring/pairs/{pk}/milestones",
        data=json.dumps({"title": "熟悉图纸", "due_on": today().isoformat()}),
        content_type="application/json",
    )
    assert milestone.status_code == 201
    detail = client.get(f"/api/v1/mentoring/pairs/{pk}").json()
    assert [m["title"] for m in detail["milestones"]] == ["熟悉图纸"]
    assert _api(tree.outsider).get(f"/api/v1/mentoring/pairs/{pk}").status_code == 404
    assert _api(tree.outsider).get("/api/v1/mentoring/pairs").json()["items"] == []


def test_figures_count_pairs_completions_and_promotions(tree: Tree) -> None:
    pairs = _pairs(tree, 4)
    services.pair_close(actor=tree.cadre, pair=pairs[0], completed=True, closed_on=today())
    Pair.objects.filter(pk=pairs[0].pk).update(level_start="5", level_end="4")
    services.pair_close(actor=tree.cadre, pair=pairs[1], completed=True, closed_on=today())
    services.pair_close(actor=tree.cadre, pair=pairs[2], completed=False, closed_on=today(), note="离职")
    values = {f.key: f.value for f in mentoring_figures(tree.county, today().year)}
    assert values == {
        "mentoring_pairs": 4,
        "mentoring_active": 1,
        "mentoring_completed": 2,
        "mentoring_promoted": 1,
        "mentoring_mentors": 2,
    }
    assert {f.key: f.value for f in mentoring_figures(tree.other, today().year)}["mentoring_pairs"] == 0
    promoted = next(f for f in mentoring_figures(tree.county, today().year) if f.key == "mentoring_promoted")
    page = desk(tree.cadre).get(promoted.url).content.decode()
    assert pairs[0].apprentice.name in page and pairs[1].apprentice.name not in page


def test_the_demo_loads_twice() -> None:
    admin = UserFactory(is_superuser=True)
    shangnan = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    make_org("商洛市虎之翼科技有限公司工会", parent=shangnan, code="sn-huzhiyi", region="611023")
    taian = make_org("泰安市总工会", code="taian", region="370900")
    make_org("泰安泰山智能装备有限公司工会", parent=taian, code="ta-ts-shebei", region="370902")
    made = load_demo_mentoring(admin)
    assert made == Pair.objects.count() == 9 and load_demo_mentoring(admin) == 0
    assert set(Pair.objects.values_list("status", flat=True)) == {"active", "completed", "ended"}
    assert Pair.objects.filter(org__code="ta-ts-shebei", school="泰山工匠学院").exists()
    assert Pair.objects.filter(org__code="sn-huzhiyi", mode="dual").count() == 3
    assert all(m.active_count == m.pairs.filter(status="active").count() for m in Mentor.objects.all())
    assert Evaluation.objects.filter(stage="final").count() == 4 and Milestone.objects.filter(done_on__isnull=False)
