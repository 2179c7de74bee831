"""On a phone: a worker books a counselling slot in 我的 → 预约服务; the counsellor, signed in with a code
to the number the union registered, sees it in their calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.appointments import services
from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Appointment
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from tests.browser.phone import sign_in
from tests.factories import UserFactory, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
COUNSELLOR_MOBILE = "13809140101"


@pytest.fixture
def place(regions: None) -> dict[str, Any]:
    county = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    union = make_org("商南县速递物流工会", parent=county, code="sn-kd", region="611023")
    admin = UserFactory(is_superuser=True)
    person = Person.objects.create(
        name="周快递", id_number=make_id(52, birth="19900101"), mobile="13912340052", **person_keys("周快递")
    )
    Membership.objects.create(
        person=person, org=union, status=MembershipStatus.ACTIVE, source="cadre", applied_at=timezone.now()
    )
    counsellor = services.provider_register(
        actor=admin,
        org=county,
        data=services.ProviderFields(
            name="刘心怡", kind=ServiceKind.COUNSELLING, mobile=COUNSELLOR_MOBILE, title="国家二级心理咨询师",
            place="职工之家二楼心理咨询室", notice_hours=2,
        ),
    )  # fmt: skip
    services.rules_set(actor=admin, provider=counsellor, week={d: "08:00-20:00" for d in range(7)})
    return {"counsellor": counsellor}


def test_worker_books_counselling_and_the_counsellor_sees_it(
    live_server: Any, browser: Any, place: dict[str, Any], artifacts: Path
) -> None:
    worker = browser.new_context(**PHONE)
    page = worker.new_page()
    page.goto(f"{live_server.url}/h5/me/")
    sign_in(page, "13912340052", name="周快递", id_number=make_id(52, birth="19900101"))
    page.goto(f"{live_server.url}/h5/me/")
    page.click("text=预约服务")
    page.click("text=心理咨询 · 刘心怡")
    page.wait_for_selector("#slots button.primary")
    slot = page.get_attribute("#slots button.primary >> nth=2", "data-slot") or ""
    page.click("#slots button.primary >> nth=2")
    page.wait_for_selector("#my-appointments")
    assert "预约成功" in page.inner_text("body") and "刘心怡" in page.inner_text("#my-appointments")
    page.screenshot(path=str(artifacts / "browser-appointment-booked-phone.png"), full_page=True)
    booked = Appointment.objects.get(person__name="周快递")
    assert booked.starts_at == dt.datetime.fromisoformat(slot)

    desk = browser.new_context(**PHONE).new_page()
    desk.goto(f"{live_server.url}/h5/provider/")
    sign_in(desk, COUNSELLOR_MOBILE)
    desk.wait_for_selector("#calendar")
    desk.goto(f"{live_server.url}/h5/provider/?date={timezone.localtime(booked.starts_at).date().isoformat()}")
    calendar = desk.inner_text("#calendar")
    assert "周快递" in calendar and timezone.localtime(booked.starts_at).strftime("%H:%M") in calendar
    desk.screenshot(path=str(artifacts / "browser-appointment-calendar-phone.png"), full_page=True)
    worker.close()
