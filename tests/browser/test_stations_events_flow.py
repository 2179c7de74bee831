"""On a phone: a worker finds the nearest open station on the map, records a visit by scanning its poster,
and signs up for a lecture from 我的; the organiser, on a phone too, checks them in by scanning their
e-card; the event's attendance and the station's visits show it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.events.choices import EventKind, EventStatus
from gonghui.events.models import Event
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from gonghui.stations.models import Station, StationKind, StationVisit
from tests.browser.phone import sign_in
from tests.factories import UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

HERE = {"latitude": 33.5300, "longitude": 110.8800}  # 商南县城
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}


@pytest.fixture
def place(regions: None) -> dict[str, Any]:
    county = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    union = make_org("商南县速递物流工会", parent=county, code="sn-kd", region="611023")
    cadre = UserFactory(username="shangnan", display_name="商南县组织干事")
    grant(cadre, county, Role.ORGANIZER)
    person = Person.objects.create(
        name="周快递", id_number=make_id(51, birth="19900101"), mobile="13912340051", **person_keys("周快递")
    )
    Membership.objects.create(
        person=person, org=union, status=MembershipStatus.ACTIVE, source="cadre", applied_at=timezone.now()
    )
    kind, _ = StationKind.objects.get_or_create(code="outdoor", defaults={"name": "户外劳动者服务站"})
    near = Station.objects.create(
        org=union, kind=kind, name="城关爱心驿站", address="商南县城关街道", lat=Decimal("33.5310"),
        lng=Decimal("110.8810"), is_24h=True,
    )  # fmt: skip
    Station.objects.create(
        org=union,
        kind=kind,
        name="富水职工书屋",
        address="商南县富水镇",
        lat=Decimal("33.5400"),
        lng=Decimal("110.8900"),
    )  # fmt: skip: no hours entered, so closed now
    start = timezone.now() + dt.timedelta(hours=1)
    lecture = Event.objects.create(
        org=county, kind=EventKind.LECTURE, title="工会大讲堂：快递员的劳动权益", station=near, capacity=50,
        starts_at=start, ends_at=start + dt.timedelta(hours=2), status=EventStatus.PUBLISHED, created_by=cadre,
    )  # fmt: skip
    return {"station": near, "lecture": lecture, "person": person}


def test_worker_visits_a_station_signs_up_and_is_checked_in(
    live_server: Any, browser: Any, place: dict[str, Any], artifacts: Path
) -> None:
    worker = browser.new_context(geolocation=HERE, permissions=["geolocation"], **PHONE)
    page = worker.new_page()
    page.goto(f"{live_server.url}/h5/stations/")
    page.click("#locate")
    page.wait_for_selector("#near-results li")
    first = page.inner_text("#near-results li:first-child")
    assert "城关爱心驿站" in first and "正在开放" in first  # the nearest, and open now (24 hours)
    page.click(".near-filters summary")  # after a search the filters fold away above the list
    page.check("input[name=open_now]")
    page.click("#near-form button:not(#locate)")
    page.wait_for_selector("#near-results")
    assert "富水职工书屋" not in page.inner_text("#near-results")
    page.screenshot(path=str(artifacts / "browser-stations-near-phone.png"), full_page=True)

    # The poster's QR opens the visit page; the worker signs in and taps 我是会员.
    station: Station = place["station"]
    visit_url = f"{live_server.url}/h5/stations/v/{station.poster_token}/"
    page.goto(f"{live_server.url}/h5/me/")
    sign_in(page, "13912340051", name="周快递", id_number=make_id(51, birth="19900101"))
    page.goto(visit_url)
    page.click("text=我是会员")
    page.wait_for_selector("#visit-outcome")
    page.goto(visit_url)
    page.click("text=我是会员")  # scanned again at once: counted once
    page.wait_for_selector("#visit-outcome")
    assert StationVisit.objects.filter(station=station).count() == 1

    # 我的 → 活动报名 → the lecture → 我要报名.
    page.goto(f"{live_server.url}/h5/me/")
    page.click("text=活动报名")
    page.click("text=工会大讲堂：快递员的劳动权益")
    page.click("#signup-button")
    page.wait_for_selector("#ticket-qr svg")
    assert "报名成功" in page.inner_text("#signup-status")
    page.screenshot(path=str(artifacts / "browser-event-ticket-phone.png"), full_page=True)
    page.goto(f"{live_server.url}/h5/me/card/")
    page.wait_for_selector("[data-card-qr] svg")
    token = page.get_attribute("[data-card-qr]", "data-token") or ""

    # The organiser's phone at the door: the scanner reads the e-card into the field.
    desk = browser.new_context(**PHONE).new_page()
    desk.goto(f"{live_server.url}/accounts/login/")
    desk.fill("input[name=username]", "shangnan")
    desk.fill("input[name=password]", "pass-word-123")
    desk.click("button.primary")
    desk.wait_for_url(f"{live_server.url}/")
    lecture: Event = place["lecture"]
    desk.goto(f"{live_server.url}/events/{lecture.pk}/door/")
    desk.fill("#id_token", token)
    desk.click("#scan-form button.primary")
    desk.wait_for_selector("#scan-result")
    assert "签到成功" in desk.inner_text("#scan-result") and "周快递" in desk.inner_text("#scan-result")
    desk.screenshot(path=str(artifacts / "browser-event-door-phone.png"), full_page=True)
    desk.goto(f"{live_server.url}/events/{lecture.pk}/")
    assert desk.inner_text("#came") == "1"
    assert "商南县速递物流工会" in desk.inner_text("#attendance-by-union")
    desk.goto(f"{live_server.url}/stations/{station.pk}/usage/")
    assert "合计 1 人次" in desk.inner_text("#usage-summary")
    assert "13912340051" not in desk.inner_text("body")
    worker.close()
