"""Workbench and phone pages of events, as a cadre and a worker use them."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gonghui.accounts.models import UserKind
from gonghui.events import signups
from gonghui.events.choices import SignUpStatus
from gonghui.events.models import Event, Scan, SignUp
from gonghui.events.tickets import ticket_token
from gonghui.members.models import Membership, WorkerAccount
from tests.events.conftest import make_event
from tests.factories import Tree, UserFactory, image_bytes, make_member


def _cadre(tree: Tree) -> Client:
    client = Client()
    client.force_login(tree.cadre)
    return client


def _worker(member: Membership) -> Client:
    user = UserFactory(username=f"w{member.pk}", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=user, person=member.person)
    client = Client()
    client.force_login(user)
    return client


def _form(tree: Tree, **over: str) -> dict[str, str]:
    start = timezone.localtime() + dt.timedelta(days=5)
    data = {
        "org": tree.county.code,
        "kind": "lecture",
        "title": "心理健康讲座",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "address": "县职工服务中心",
        "capacity": "30",
        "members_only": "on",
        "fee": "0",
        "team_size_min": "0",
        "team_size_max": "0",
        "teams_per_union": "1",
        "walk_ins": "on",
    }
    data.update(over)
    return data


def test_a_cadre_creates_publishes_and_lists(tree: Tree) -> None:
    client = _cadre(tree)
    response = client.post(reverse("events:new"), _form(tree))
    event = Event.objects.get()
    assert response.status_code == 302 and event.status == "draft" and event.capacity == 30
    client.post(reverse("events:publish", args=[event.pk]))
    event.refresh_from_db()
    assert event.status == "published"
    assert "心理健康讲座" in client.get(reverse("events:list")).content.decode()


@pytest.mark.parametrize(
    ("over", "reason"),
    [
        ({"ends_at": "2020-01-01T08:00"}, "结束时间须晚于开始时间"),
        ({"address": ""}, "请选择活动阵地或填写活动地点"),
        ({"team_size_max": "3", "team_size_min": "5"}, "每队人数"),
        ({"org": "no-such-union"}, ""),
    ],
)
def test_bad_input_is_refused_and_creates_nothing(tree: Tree, over: dict[str, str], reason: str) -> None:
    response = _cadre(tree).post(reverse("events:new"), _form(tree, **over))
    assert response.status_code == 200 and reason in response.content.decode()
    assert not Event.objects.exists()


def test_capacity_below_the_signed_up_is_refused_and_more_places_go_to_the_waiting(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=2)
    made = [signups.signup_create(event=event, person=make_member(tree.union, i).person) for i in range(4)]
    client = _cadre(tree)
    start = timezone.localtime(event.starts_at)
    base = _form(tree, starts_at=start.strftime("%Y-%m-%dT%H:%M"))
    base["ends_at"] = (start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("events:edit", args=[event.pk]), {**base, "capacity": "1"})
    assert "名额不能少于已报名" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 2
    client.post(reverse("events:edit", args=[event.pk]), {**base, "capacity": "3"})
    made[2].refresh_from_db()
    made[3].refresh_from_db()
    assert made[2].status == SignUpStatus.OFFERED and made[3].status == SignUpStatus.WAITING


def test_the_list_reads_in_a_few_queries(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    for i in range(30):
        make_event(tree.county, tree.cadre, title=f"活动{i}")
    client = _cadre(tree)
    client.get(reverse("events:list"))
    with django_assert_max_num_queries(12):
        page = client.get(reverse("events:list"))
    assert page.content.decode().count("活动2") >= 1


def test_outsiders_see_nothing(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, title="商南县工会大讲堂")
    client = Client()
    client.force_login(tree.outsider)
    assert "商南县工会大讲堂" not in client.get(reverse("events:list")).content.decode()
    assert client.get(reverse("events:detail", args=[event.pk])).status_code == 404


def test_worker_signs_up_sees_the_ticket_and_is_checked_in_at_the_door(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=1)
    member = make_member(tree.union, 1)
    worker = _worker(member)
    assert "我要报名" in worker.get(reverse("events_h5:detail", args=[event.pk])).content.decode()
    response = worker.post(reverse("events_h5:signup", args=[event.pk]))
    signup = SignUp.objects.get()
    assert response["Location"] == reverse("events_h5:ticket", args=[signup.pk])
    ticket = worker.get(response["Location"]).content.decode()
    assert "<svg" in ticket and "报名成功" in ticket
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=5))
    door = _cadre(tree).post(
        reverse("events:door", args=[event.pk]), {"token": ticket_token(signup), "nonce": "door-1", "direction": "in"}
    )
    assert "签到成功" in door.content.decode() and member.person.name in door.content.decode()
    assert Scan.objects.get().outcome == "checked_in"
    assert "已于" in worker.get(reverse("events_h5:ticket", args=[signup.pk])).content.decode()


def test_a_full_event_puts_the_worker_on_the_waiting_list_and_cancel_frees(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=1)
    first, second = make_member(tree.union, 1), make_member(tree.union, 2)
    one, two = _worker(first), _worker(second)
    one.post(reverse("events_h5:signup", args=[event.pk]))
    two.post(reverse("events_h5:signup", args=[event.pk]))
    waiting = SignUp.objects.get(person=second.person)
    assert "候补第 1 位" in two.get(reverse("events_h5:ticket", args=[waiting.pk])).content.decode()
    mine = SignUp.objects.get(person=first.person)
    one.post(reverse("events_h5:cancel", args=[mine.pk]))
    assert "确认参加" in two.get(reverse("events_h5:ticket", args=[waiting.pk])).content.decode()
    two.post(reverse("events_h5:accept", args=[waiting.pk]))
    waiting.refresh_from_db()
    assert waiting.status == SignUpStatus.CONFIRMED


def test_a_worker_cannot_open_anothers_ticket(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre)
    signup = signups.signup_create(event=event, person=make_member(tree.union, 1).person)
    nosy = _worker(make_member(tree.union, 2))
    assert nosy.get(reverse("events_h5:ticket", args=[signup.pk])).status_code == 404
    assert nosy.post(reverse("events_h5:cancel", args=[signup.pk])).status_code == 404


def test_export_is_masked_and_photos_are_checked(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre)
    signups.signup_create(event=event, person=make_member(tree.union, 7).person)
    client = _cadre(tree)
    book = load_workbook(io.BytesIO(client.get(reverse("events:attendance_export", args=[event.pk])).content))
    rows = list(book.active.values)
    assert rows[1][0] == "职工7" and rows[1][1] == "139****0007"
    bad = io.BytesIO(b"not an image at all")
    bad.name = "x.jpg"
    client.post(reverse("events:photo_add", args=[event.pk]), {"image": bad})
    assert not event.photos.exists()
    good = io.BytesIO(image_bytes())
    good.name = "ok.jpg"
    client.post(reverse("events:photo_add", args=[event.pk]), {"image": good, "caption": "现场"})
    photo = event.photos.get()
    assert Client().get(reverse("events_h5:photo", args=[photo.pk])).status_code == 200


def test_public_pages_show_published_events_only(tree: Tree) -> None:
    shown = make_event(tree.county, tree.cadre, title="职工健步走")
    hidden = make_event(tree.county, tree.cadre, title="草稿活动", status="draft")
    page = Client().get(reverse("events_h5:list")).content.decode()
    assert "职工健步走" in page and "草稿活动" not in page
    assert Client().get(reverse("events_h5:detail", args=[hidden.pk])).status_code == 404
    assert "登录后报名" in Client().get(reverse("events_h5:detail", args=[shown.pk])).content.decode()


def test_a_sports_meeting_gets_items_and_a_cover(tree: Tree) -> None:
    meet = make_event(tree.county, tree.cadre, kind="sports", title="职工运动会", status="draft")
    client = _cadre(tree)
    form = client.get(reverse("events:new") + f"?parent={meet.pk}").content.decode()
    assert "添加项目" in form
    start = timezone.localtime(meet.starts_at).strftime("%Y-%m-%dT%H:%M")
    end = timezone.localtime(meet.ends_at).strftime("%Y-%m-%dT%H:%M")
    data = _form(tree, kind="sports_item", title="拔河", starts_at=start, ends_at=end)
    client.post(reverse("events:new") + f"?parent={meet.pk}", data)
    item = Event.objects.get(title="拔河")
    assert item.parent == meet
    client.post(reverse("events:edit", args=[item.pk]), {**data, "capacity": "40"})
    item.refresh_from_db()
    assert item.parent == meet and item.capacity == 40
    client.post(reverse("events:publish", args=[meet.pk]))
    item.refresh_from_db()
    assert item.status == "published"  # the meeting's items are published with it
    cover = io.BytesIO(image_bytes())
    cover.name = "cover.jpg"
    client.post(reverse("events:photo_add", args=[meet.pk]), {"image": cover, "as_cover": "on"})
    meet.refresh_from_db()
    assert meet.cover and not meet.photos.exists()
    assert Client().get(reverse("events_h5:cover", args=[meet.pk])).status_code == 200


def test_odd_parent_numbers_are_ignored(tree: Tree) -> None:
    assert _cadre(tree).get(reverse("events:new") + "?parent=²").status_code == 200


def test_the_export_lists_local_times_and_walk_ins_without_a_card(tree: Tree) -> None:
    from gonghui.events.checkin import ScanIn, scan_record

    start = timezone.now() - dt.timedelta(minutes=5)
    event = make_event(tree.county, tree.cadre, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    scan = scan_record(actor=tree.cadre, event=event, scan=ScanIn(nonce="x1", category="sanitation"))
    book = load_workbook(io.BytesIO(_cadre(tree).get(reverse("events:attendance_export", args=[event.pk])).content))
    row = list(book.active.values)[1]
    assert row[0] == "（现场登记）" and row[5] == "环卫工"
    assert row[6] == timezone.localtime(scan.scanned_at).strftime("%Y-%m-%d %H:%M")


def test_a_worker_sees_the_events_open_to_their_union(tree: Tree) -> None:
    make_event(tree.county, tree.cadre, title="县总工会讲座")
    make_event(tree.stranger, tree.outsider, title="泰安的联谊")
    make_event(tree.stranger, tree.outsider, title="泰安服务集市", members_only=False)
    worker = _worker(make_member(tree.union, 1))
    page = worker.get(reverse("events_h5:list")).content.decode()
    assert "县总工会讲座" in page and "泰安服务集市" in page and "泰安的联谊" not in page
    assert "泰安的联谊" in Client().get(reverse("events_h5:list")).content.decode()  # the public sees all


def test_the_list_can_leave_out_a_meetings_items(tree: Tree) -> None:
    meet = make_event(tree.county, tree.cadre, kind="sports", title="职工运动会")
    make_event(tree.county, tree.cadre, kind="sports_item", title="拔河比赛", parent=meet)
    page = _cadre(tree).get(reverse("events:list"), {"items": "0"}).content.decode()
    assert "职工运动会" in page and "拔河比赛" not in page


def test_the_poster_qr_comes_as_svg_or_png_only(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre)
    client = _cadre(tree)
    assert client.get(reverse("events:poster_qr", args=[event.pk, "png"]))["Content-Type"] == "image/png"
    assert client.get(reverse("events:poster_qr", args=[event.pk, "gif"])).status_code == 404
