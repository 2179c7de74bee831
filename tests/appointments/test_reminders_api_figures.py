"""Reminders (sent once, however often the command runs), the API's answers to bad input, the provider's
calendar over the API, and the figures with their drill-down."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from gonghui.appointments.choices import Mode, ProviderMode
from gonghui.appointments.figures import appointment_figures
from gonghui.appointments.models import Appointment
from tests.world import World
from tests.world_appointments import MEMBER_ID, NOTE, at


def test_reminders_are_sent_once(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "gonghui.appointments.services.notices.send_notice", lambda *, mobile, text: sent.append((mobile, text)) or True
    )
    call_command("appointments_remind", "--hours", "72")
    call_command("appointments_remind", "--hours", "72")  # a rerun sends nothing again
    assert len(sent) == 1 and sent[0][0] == "13900000002" and "心理咨询" in sent[0][1]
    assert NOTE not in sent[0][1]
    assert Appointment.objects.get(pk=world.appointments.upcoming.pk).reminded_at is not None


def test_a_refused_reminder_is_tried_again(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gonghui.appointments.services.notices.send_notice", lambda *, mobile, text: False)
    call_command("appointments_remind", "--hours", "72")
    assert Appointment.objects.get(pk=world.appointments.upcoming.pk).reminded_at is None


def _api(world: World, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    client = Client()
    call = getattr(client, method)
    kwargs: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {world.tokens['owner']}"}
    if body is not None:
        kwargs.update(data=json.dumps(body), content_type="application/json")
    return call(f"/api/v1{path}", **kwargs)


@pytest.mark.parametrize(
    ("when", "says"),
    [
        (lambda: at(0, 0).isoformat(), "将来"),
        (lambda: at(3, 21).isoformat(), "可预约时间内"),
        (lambda: at(2, 10).isoformat(), "该时段已被预约"),
        (lambda: at(60, 10).isoformat(), "最多提前"),
    ],
)
def test_bad_bookings_over_the_api_get_a_chinese_reason(world: World, when: Any, says: str) -> None:
    before = Appointment.objects.count()
    response = _api(
        world,
        "post",
        "/appointments",
        {"provider_id": world.appointments.provider.pk, "starts_at": when(), "id_number": MEMBER_ID},
    )
    assert response.status_code == 422 and says in response.json()["detail"]
    assert Appointment.objects.count() == before


def test_the_api_books_lists_slots_and_cancels(world: World) -> None:
    provider = world.appointments.provider
    slots = _api(world, "get", f"/appointments/providers/{provider.pk}/slots?days=3").json()
    assert slots and world.appointments.upcoming.starts_at.isoformat() not in {s["starts_at"] for s in slots}
    made = _api(
        world,
        "post",
        "/appointments",
        {"provider_id": provider.pk, "starts_at": slots[2]["starts_at"], "id_number": MEMBER_ID},
    )
    assert made.status_code == 201 and "李在册" not in made.content.decode()
    unknown = _api(
        world,
        "post",
        "/appointments",
        {"provider_id": provider.pk, "starts_at": slots[3]["starts_at"], "id_number": "123"},
    )
    assert unknown.status_code == 404
    cancelled = _api(world, "post", f"/appointments/{made.json()['id']}/cancel", {"reason": "请假"})
    assert cancelled.json()["status"] == "cancelled"
    late = _api(world, "post", f"/appointments/{world.appointments.past.pk}/cancel", {})
    assert late.status_code == 422 and "不能取消" in late.json()["detail"]


def test_the_worker_cancels_too_late_and_is_told_why(world: World) -> None:
    provider = world.appointments.provider
    provider.cancel_hours = 100
    provider.save()
    client = Client()
    client.force_login(world.users["member"])
    response = client.post(f"/api/v1/appointments/me/{world.appointments.upcoming.pk}/cancel")
    assert response.status_code == 422 and "不足 100 小时" in response.json()["detail"]


def test_the_provider_reads_their_calendar_over_the_api(world: World) -> None:
    client = Client()
    client.force_login(world.users["provider"])
    start = at(-1, 0).date().isoformat()
    rows = client.get(f"/api/v1/appointments/provider/calendar?start={start}&days=5").json()
    assert [r["person"] for r in rows] == ["李在册", "李在册"] and rows[0]["has_note"] is True
    assert NOTE not in json.dumps(rows, ensure_ascii=False)


def test_figures_count_by_type_and_link_to_the_counts(world: World) -> None:
    year = at(2, 10).year
    figures = {f.key: f for f in appointment_figures(world.county_a, year)}
    held = Appointment.objects.filter(starts_at__year=year).count()
    assert figures["appointments"].value == held
    assert figures["appointments_kind_counselling"].value == held
    assert figures["appointments_done"].value == 0 and figures["appointments_no_show"].value == 0
    assert figures["appointments"].url.startswith("/appointments/counts/?under=w-county-a")
    assert figures["appointments"].definition
    assert {f.key: f.value for f in appointment_figures(world.county_b, year)}["appointments"] == 0


def test_inside_the_deadline_me_offers_no_change_and_says_whom_to_call(world: World) -> None:
    provider = world.appointments.provider
    client = Client()
    client.force_login(world.users["member"])
    page = client.get(reverse("appointments_h5:services")).content.decode()
    assert reverse("appointments_h5:reschedule", args=[world.appointments.upcoming.pk]) in page  # 2 h rule: open
    provider.cancel_hours = 100
    provider.save()
    page = client.get(reverse("appointments_h5:services")).content.decode()
    assert reverse("appointments_h5:reschedule", args=[world.appointments.upcoming.pk]) not in page
    assert reverse("appointments_h5:cancel", args=[world.appointments.upcoming.pk]) not in page
    assert f"如需变动请联系{world.stations.station.name}" in page
    refused = client.post(reverse("appointments_h5:cancel", args=[world.appointments.upcoming.pk]), follow=True)
    assert "如需变动请联系" in refused.content.decode()


def test_an_online_appointment_names_no_room(world: World) -> None:
    provider = world.appointments.provider
    provider.mode, provider.place = ProviderMode.BOTH, "二楼心理咨询室"
    provider.save()
    client = Client()
    client.force_login(world.users["member"])
    assert "二楼心理咨询室" in client.get(reverse("appointments_h5:services")).content.decode()
    Appointment.objects.filter(pk=world.appointments.upcoming.pk).update(mode=Mode.ONLINE)
    page = client.get(reverse("appointments_h5:services")).content.decode()
    assert "二楼心理咨询室" not in page and world.stations.station.name not in page.split("可以预约的服务")[0]
