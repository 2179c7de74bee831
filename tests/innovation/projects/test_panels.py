"""Seating review panels per call and level, "我的评审", and calls that stop taking projects."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.utils import timezone

from gonghui.innovation.choices import StageStatus
from gonghui.innovation.models import PanelSeat
from gonghui.innovation.projects import panels
from gonghui.innovation.projects.review import level_close, scorecard_submit, stage_recommend
from gonghui.orgs.roles import Role
from tests.factories import UserFactory, grant
from tests.innovation.conftest import Contest, points


def _county_stage(contest: Contest) -> object:
    project = contest.submit()
    w = contest.world
    stage_recommend(actor=w.users["owner"], stage=project.stages.get(org=w.union_a), recommend=True)
    return project.stages.get(org=w.county_a)


def test_a_county_cadre_seats_two_reviewers_and_a_project_passes_the_county(contest: Contest) -> None:
    w = contest.world
    PanelSeat.objects.filter(panel__org=w.county_a).delete()  # a county with no panel yet
    staff = [grant(UserFactory(username=f"dafeng-expert{i}"), w.town_a, Role.READONLY).user for i in (1, 2)]
    for reviewer in staff:
        panels.panel_seat(actor=w.users["owner"], call=contest.call, org=w.county_a, reviewer=reviewer)
    stage = _county_stage(contest)
    for reviewer in staff:
        scorecard_submit(actor=reviewer, stage=stage, points=points(contest.rubric, 25, 25, 20, 12))
    level_close(actor=w.users["owner"], call=contest.call, org=w.county_a)
    stage.refresh_from_db()
    assert stage.status == StageStatus.PASSED


def test_reviewers_come_from_the_level_s_subtree_or_from_no_union(contest: Contest) -> None:
    w = contest.world
    assert panels.reviewer_for(w.county_a, "HELPER") == w.users["helper"]  # serves in union_a, under the county
    assert panels.reviewer_for(w.county_a, "county-reviewer-1")  # an outside expert who serves nowhere
    for username in ("sibling", "member-worker", "nobody-at-all"):
        with pytest.raises(ValidationError) as info:
            panels.reviewer_for(w.county_a, username)
        assert info.value.message_dict["username"] == [str(panels.NO_SUCH_REVIEWER)]


def test_only_the_level_s_own_cadres_seat_and_only_at_a_scoring_level(contest: Contest) -> None:
    w = contest.world
    helper = w.users["helper"]
    with pytest.raises(Http404):
        panels.panel_seat(actor=w.users["sibling"], call=contest.call, org=w.county_a, reviewer=helper)
    with pytest.raises(ValidationError, match="县级以上"):
        panels.panel_seat(actor=w.users["owner"], call=contest.call, org=w.town_a, reviewer=helper)
    panels.panel_seat(actor=w.users["owner"], call=contest.call, org=w.county_a, reviewer=helper)
    with pytest.raises(ValidationError, match="已在本级"):
        panels.panel_seat(actor=w.users["owner"], call=contest.call, org=w.county_a, reviewer=helper)


def test_a_reviewer_who_scored_stays_seated(contest: Contest) -> None:
    w = contest.world
    stage = _county_stage(contest)
    scorecard_submit(actor=contest.reviewers["county1"], stage=stage, points=points(contest.rubric, 1, 1, 1, 1))
    scored = PanelSeat.objects.get(user=contest.reviewers["county1"])
    with pytest.raises(ValidationError, match="评过分"):
        panels.panel_unseat(actor=w.users["owner"], seat=scored)
    idle = PanelSeat.objects.get(user=contest.reviewers["county2"])
    panels.panel_unseat(actor=w.users["owner"], seat=idle)
    assert not PanelSeat.objects.filter(pk=idle.pk).exists()


def test_the_call_page_seats_by_name_and_the_api_lists_and_unseats(contest: Contest) -> None:
    w = contest.world
    client = Client()
    client.force_login(w.users["owner"])
    page = client.get(f"/innovation/calls/{contest.call.pk}/").content.decode()
    assert "评审专家组" in page and "county-reviewer-1" in page and 'id="seat-form"' in page
    client.post(
        f"/innovation/calls/{contest.call.pk}/panels/",
        {"org": "大丰区总工会", "username": "helper", "enterprise_uscc": w.enterprise.uscc},
    )
    seat = PanelSeat.objects.get(user=w.users["helper"])
    assert seat.panel.org == w.county_a and seat.enterprise == w.enterprise
    api = Client(headers={"Authorization": f"Bearer {w.tokens['owner']}"})
    listed = api.get(f"/api/v1/innovation/calls/{contest.call.pk}/panels").json()
    county = next(p for p in listed if p["org_code"] == w.county_a.code)
    assert "helper" in [s["username"] for s in county["seats"]]
    assert api.delete(f"/api/v1/innovation/panel-seats/{seat.pk}").status_code == 204
    sibling = Client(headers={"Authorization": f"Bearer {w.tokens['sibling']}"})
    other = PanelSeat.objects.filter(panel__org=w.county_a).first()
    assert other is not None and sibling.delete(f"/api/v1/innovation/panel-seats/{other.pk}").status_code == 404


def test_my_review_lists_recommendations_waiting_for_the_cadre_s_union(contest: Contest) -> None:
    w = contest.world
    contest.submit("一种防错装夹工装")
    grassroots_cadre = grant(UserFactory(username="union-a-chair"), w.union_a, Role.ORGANIZER).user
    client = Client()
    client.force_login(grassroots_cadre)
    queue = client.get("/innovation/review/").content.decode()
    assert "一种防错装夹工装" in queue and "基层推荐" in queue
    client.force_login(w.users["same"])  # the township takes its grassroots unions' recommendations too
    assert "一种防错装夹工装" in client.get("/innovation/review/").content.decode()
    client.force_login(w.users["owner"])  # the county decides its own level only
    assert "一种防错装夹工装" not in client.get("/innovation/review/").content.decode()


def test_a_call_refuses_projects_after_its_deadline_or_once_results_are_out(contest: Contest) -> None:
    call = contest.call
    call.closes_on = timezone.localdate() - dt.timedelta(days=1)
    call.save()
    with pytest.raises(ValidationError, match="现在不能申报"):
        contest.submit("截止后的项目")
    call.closes_on = timezone.localdate() + dt.timedelta(days=5)
    call.notice_starts = timezone.localdate()
    call.save()
    with pytest.raises(ValidationError, match="不再受理申报"):
        contest.submit("公示后的项目")
