"""Workbench pages (few queries on the lists), the judge's phone pages (only their own stages' entries, by
number when blind, refused on a conflict), and the API's clear 422s."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client
from django.urls import reverse

from gonghui.accounts.models import UserKind
from gonghui.accounts.services import api_token_issue
from gonghui.members.models import WorkerAccount
from gonghui.skills.competitions import services
from gonghui.skills.competitions.models import Score, StageResult
from tests.factories import Tree, UserFactory, make_member
from tests.skills.competitions.factories import enter, entrants, first_stage, make_competition, marks, seat


def _staff(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _worker(membership: Any) -> Client:
    user = UserFactory(username=f"worker-{membership.pk}", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=user, person=membership.person)
    client = Client()
    client.force_login(user)
    return client


def test_the_list_and_entries_pages_read_in_few_queries(tree: Tree, django_assert_max_num_queries: Any) -> None:
    for n in range(3):
        competition = make_competition(tree.county, tree.cadre, title=f"测试竞赛{n}")
        for m in entrants(tree.union, 100 * n + 1, 4):
            enter(competition, tree.union_cadre, m)
    client = _staff(tree.cadre)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("competitions:list"))
    assert page.status_code == 200 and "测试竞赛2" in page.content.decode()
    with django_assert_max_num_queries(14):
        page = client.get(reverse("competitions:entries", args=[competition.pk]))
    assert page.status_code == 200 and "004" in page.content.decode()
    outsider = _staff(tree.outsider).get(reverse("competitions:list"))
    assert "测试竞赛2" not in outsider.content.decode()


def test_a_grassroots_union_sees_its_entries_of_the_county_competition(tree: Tree) -> None:
    competition = make_competition(tree.county, tree.cadre)
    mine = enter(competition, tree.union_cadre, *entrants(tree.union, 1, 1))
    theirs = enter(competition, tree.cadre, *entrants(tree.other, 50, 1))
    page = _staff(tree.union_cadre).get(reverse("competitions:entries", args=[competition.pk]))
    assert page.status_code == 200
    assert mine.name in page.content.decode() and theirs.name not in page.content.decode()
    assert _staff(tree.union_cadre).post(reverse("competitions:act", args=[competition.pk, "start"])).status_code == 404


def test_a_grassroots_union_finds_the_countys_open_competition_but_not_its_drafts(tree: Tree) -> None:
    opened = make_competition(tree.county, tree.cadre, title="县级开放的竞赛")
    draft = make_competition(tree.county, tree.cadre, title="县级筹备中的竞赛", open_it=False)
    union = _staff(tree.union_cadre)
    listed = union.get(reverse("competitions:list")).content.decode()
    assert "县级开放的竞赛" in listed and "县级筹备中的竞赛" not in listed
    assert union.get(reverse("competitions:entries", args=[opened.pk])).status_code == 200
    assert union.get(reverse("competitions:detail", args=[draft.pk])).status_code == 404
    assert "县级开放的竞赛" not in _staff(tree.outsider).get(reverse("competitions:list")).content.decode()


def test_the_ranking_page_reads_stored_ranks(tree: Tree, django_assert_max_num_queries: Any) -> None:
    competition = make_competition(tree.county, tree.cadre, top_n=None)
    made = [enter(competition, tree.union_cadre, m) for m in entrants(tree.union, 1, 3)]
    services.competition_start(actor=tree.cadre, competition=competition)
    stage = first_stage(competition)
    judge = seat(stage, tree.cadre, make_member(tree.stranger, 90))
    client = _staff(tree.cadre)
    for entry, points in zip(made, (70, 90, 80), strict=True):
        client.post(
            reverse("competitions:stage_act", args=[stage.pk, "score"]),
            {
                "judge": judge.pk,
                "number": entry.number,
                **{f"item_{k}": v for k, v in marks(stage, points, points).items()},
            },
        )
    with django_assert_max_num_queries(12):
        page = client.get(reverse("competitions:ranking", args=[stage.pk]))
    text = page.content.decode()
    assert text.index(made[1].name) < text.index(made[2].name) < text.index(made[0].name)


def test_a_judge_sees_only_their_stages_entries_and_stands_aside_on_a_conflict(tree: Tree) -> None:
    competition = make_competition(tree.county, tree.cadre, blind=True)
    own, other = (
        enter(competition, tree.cadre, *entrants(tree.union, 1, 1)),
        enter(competition, tree.cadre, *entrants(tree.other, 50, 1)),
    )
    services.competition_start(actor=tree.cadre, competition=competition)
    stage = first_stage(competition)
    judge_member = make_member(tree.union, 90, name="评委老周")
    seat(stage, tree.cadre, judge_member)
    phone = _worker(judge_member)
    home = phone.get(reverse("competitions_h5:judge_home"))
    assert competition.title in home.content.decode()
    page = phone.get(reverse("competitions_h5:judge_stage", args=[stage.pk])).content.decode()
    assert "001号" in page and "002号" in page
    assert own.name not in page and other.name not in page  # blind: numbers only
    # Another stage (the final) is not theirs.
    final = competition.stages.get(seq=2)
    assert phone.get(reverse("competitions_h5:judge_stage", args=[final.pk])).status_code == 404
    # Their own union's entrant: the page says why, and a post is refused.
    url = reverse("competitions_h5:judge_score", args=[stage.pk, own.pk])
    assert "同一基层工会" in phone.get(url).content.decode()
    refused = phone.post(url, {f"item_{k}": v for k, v in marks(stage, 90, 90).items()})
    assert refused.status_code == 200 and "同一基层工会" in refused.content.decode()
    assert not Score.objects.exists()
    # Out of range: said, nothing saved.
    url = reverse("competitions_h5:judge_score", args=[stage.pk, other.pk])
    wrong = phone.post(url, {f"item_{k}": v for k, v in marks(stage, 90, 120).items()})
    assert "应在0到100之间" in wrong.content.decode() and not Score.objects.exists()
    done = phone.post(url, {f"item_{k}": v for k, v in marks(stage, 90, 80).items()})
    assert done.status_code == 302
    assert StageResult.objects.get(stage=stage, entry=other).rank == 1
    # Someone who is no judge sees no stage.
    stranger = _worker(make_member(tree.other, 91))
    assert stranger.get(reverse("competitions_h5:judge_stage", args=[stage.pk])).status_code == 404


def test_api_create_enter_and_rank(tree: Tree) -> None:
    client = Client(headers={"Authorization": f"Bearer {api_token_issue(user=tree.cadre, name='t').secret}"})

    def post(name: str, body: dict[str, Any], *args: Any) -> Any:
        return client.post(reverse(f"api:{name}", args=args), json.dumps(body), content_type="application/json")

    made = post(
        "competitions_create",
        {"org_code": tree.county.code, "title": "商南县茶艺技能竞赛", "kind": "skill", "venue": "茶博园",
         "starts_at": "2030-04-01T09:00:00", "ends_at": "2030-04-01T17:00:00", "quota_per_union": 1},
    )  # fmt: skip
    assert made.status_code == 201, made.content
    competition = made.json()
    assert competition["status"] == "draft" and competition["year"] == 2030
    opened = make_competition(tree.county, tree.cadre, quota_per_union=1)
    people = entrants(tree.union, 1, 2)
    first = post(
        "competitions_entries_create", {"org_code": tree.union.code, "member_nos": [people[0].member_no]}, opened.pk
    )
    assert first.status_code == 201 and first.json()["number"] == 1
    over = post(
        "competitions_entries_create", {"org_code": tree.union.code, "member_nos": [people[1].member_no]}, opened.pk
    )
    assert over.status_code == 422 and "名额已用完" in over.content.decode()
    listed = client.get(reverse("api:competitions_entries_list", args=[opened.pk])).json()
    assert [e["number"] for e in listed["items"]] == [1]
    stage = first_stage(opened)
    ranking = client.get(reverse("api:competitions_ranking", args=[stage.pk]))
    assert ranking.status_code == 200 and ranking.json()["items"] == []
    assert post("competitions_publish", {}, opened.pk).status_code == 422
