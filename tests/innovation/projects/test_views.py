"""Pages of 五小 projects: a worker's phone submission, the cadre's and the reviewer's pages, notice, certificate."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

from gonghui.innovation.choices import ProjectStatus, StageStatus
from gonghui.innovation.models import Project
from gonghui.innovation.projects.results import call_announce, call_confirm_awards
from gonghui.innovation.projects.review import level_close, stage_recommend
from tests.innovation.conftest import Contest, points
from tests.innovation.projects.test_review import _score


def _phone(contest: Contest) -> Client:
    """李在册's own phone, signed in to 我的 (the World binds an account to them)."""
    client = Client()
    client.force_login(contest.world.users["member"])
    return client


def _worker_post(contest: Contest, client: Client | None = None, org: Any = None, **overrides: str) -> str:
    data = {
        "call": contest.call.pk,
        "category": "design",
        "title": "包装线快换模具",
        "enterprise": contest.world.enterprise.pk,
        "problem": "换型要停机半小时以上，影响交货。",
        "solution": "设计快换模具和定位块，换型不停机。",
        "team": "王帮手\n李在册",
        "pledge": "on",
    } | overrides
    url = f"/h5/innovation/{(org or contest.world.union_a).code}/"
    return (client or _phone(contest)).post(url, data).content.decode()


def test_a_worker_declares_on_a_phone_as_the_signed_in_leader(contest: Contest) -> None:
    url = f"/h5/innovation/{contest.world.union_a.code}/"
    assert Client().get(url)["Location"].startswith("/h5/me/signin/")
    page = _phone(contest).get(url).content.decode()
    assert contest.call.title in page and contest.world.enterprise.name in page
    assert "申报已提交" in _worker_post(contest)
    project = Project.objects.get(title="包装线快换模具")
    leader = project.team.get(is_leader=True)
    assert (leader.name, leader.person, project.submitted_via_h5) == ("李在册", contest.world.member.person, True)
    assert list(project.team.order_by("sort").values_list("name", flat=True)) == ["李在册", "王帮手"]
    assert project.stages.get().org == contest.world.union_a


def test_a_missing_pledge_or_another_union_is_a_chinese_error_and_records_nothing(contest: Contest) -> None:
    assert "请承诺" in _worker_post(contest, pledge="")
    assert "须是本工会或下级工会的会员" in _worker_post(contest, org=contest.world.union_b, enterprise="")
    assert not Project.objects.filter(title="包装线快换模具").exists()


def test_the_union_recommends_from_the_project_page(contest: Contest) -> None:
    project = contest.submit()
    client = Client()
    client.force_login(contest.world.users["owner"])
    page = client.get(f"/innovation/projects/{project.pk}/").content.decode()
    assert 'id="recommend-form"' in page and 'id="score-form"' not in page
    stage = project.stages.get(order=0)
    response = client.post(f"/innovation/stages/{stage.pk}/decide/", {"decision": "recommend", "note": "同意推荐"})
    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.status == StageStatus.PASSED and project.stages.get(order=1).org == contest.world.county_a


def test_a_panel_reviewer_finds_the_project_in_the_queue_and_scores_it(contest: Contest) -> None:
    project = contest.submit()
    stage_recommend(actor=contest.world.users["owner"], stage=project.stages.get(order=0), recommend=True)
    stage = project.stages.get(order=1)
    client = Client()
    client.force_login(contest.reviewers["county1"])
    assert project.title in client.get("/innovation/review/").content.decode()
    assert 'id="score-form"' in client.get(f"/innovation/projects/{project.pk}/").content.decode()
    values = points(contest.rubric, 25, 26, 20, 12)
    client.post(f"/innovation/stages/{stage.pk}/score/", {f"c{k}": v for k, v in values.items()})
    assert stage.scorecards.get(reviewer=contest.reviewers["county1"]).total == 83
    conflicted = Client()
    conflicted.force_login(contest.reviewers["conflicted"])
    assert "回避" in conflicted.get(f"/innovation/projects/{project.pk}/").content.decode()


def test_the_public_notice_takes_objections_and_the_certificate_verifies(contest: Contest) -> None:
    w = contest.world
    project = contest.submit()
    stage_recommend(actor=w.users["owner"], stage=project.stages.get(order=0), recommend=True)
    _score(contest, project.stages.get(order=1), ("county1", "county2"), 25, 25, 20, 10)
    level_close(actor=w.users["owner"], call=contest.call, org=w.county_a)
    _score(contest, project.stages.get(order=2), ("city1", "city2"), 28, 28, 22, 14)
    level_close(actor=contest.city, call=contest.call, org=w.root)
    call_announce(actor=contest.city, call=contest.call)
    notice = Client().get(f"/h5/innovation/notice/{contest.call.pk}/").content.decode()
    assert project.title in notice and "一等奖" in notice
    sent = Client().post(
        f"/h5/innovation/notice/{contest.call.pk}/",
        {"project": project.pk, "text": "外购设备冒充自主革新", "contact_phone": "139"},
    )
    assert "手机号码" in sent.content.decode() and not project.objections.exists()  # a bad phone: nothing stored
    Client().post(f"/h5/innovation/notice/{contest.call.pk}/", {"project": project.pk, "text": "请核实是否外购设备"})
    objection = project.objections.get()
    from gonghui.innovation.projects.results import objection_resolve

    objection_resolve(actor=contest.city, objection=objection, upheld=False, resolution="经核实为职工自制")
    call_confirm_awards(actor=contest.city, call=contest.call, today=timezone.localdate() + dt.timedelta(days=9))
    project.refresh_from_db()
    assert project.status == ProjectStatus.AWARDED
    guessed = project.certificate_no.split("-")[0] + "-AAAAAAAA"  # the readable part is on the paper
    assert Client().get(f"/h5/innovation/certificate/{guessed}/").status_code == 404
    certificate = Client().get(f"/h5/innovation/certificate/{project.certificate_no}/").content.decode()
    assert "荣 誉 证 书" in certificate and "<svg" in certificate and project.certificate_no in certificate
    assert Client().get("/h5/innovation/certificate/WX000000000000/").status_code == 404


def test_a_cadre_declares_for_a_worker_naming_the_enterprise_by_its_code(contest: Contest) -> None:
    client = Client()
    client.force_login(contest.world.users["owner"])
    data = {
        "org": contest.world.union_a.code,
        "call": contest.call.pk,
        "category": "suggestion",
        "title": "叉车充电错峰",
        "problem": "叉车都在白天充电，电费高，峰时还跳闸。",
        "solution": "排班改为夜间谷电充电，加装定时器。",
        "team": "张建国",
        "pledge": "on",
    }
    page = client.post("/innovation/projects/new/", {**data, "enterprise": contest.other_enterprise.uscc})
    assert "本级工会及下级工会登记的企业中没有这个统一社会信用代码" in page.content.decode()
    response = client.post("/innovation/projects/new/", {**data, "enterprise": contest.world.enterprise.uscc.lower()})
    assert response.status_code == 302
    assert Project.objects.get(title="叉车充电错峰").enterprise == contest.world.enterprise
