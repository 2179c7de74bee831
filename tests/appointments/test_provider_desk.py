"""The provider's desk on the phone: signing in with a code to the registered number, the calendar of their
own appointments only, marking, notes and the risk flag through the pages; the worker's pages in 我的."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.accounts.models import PhoneCode, UserKind
from gonghui.accounts.sms.console import ConsoleSmsBackend
from gonghui.appointments import services
from gonghui.appointments.choices import AppointmentStatus, ServiceKind
from gonghui.appointments.models import Appointment, Provider
from gonghui.common.pii_crypto import blind_index
from tests.world import World
from tests.world_appointments import NOTE, PROVIDER, at

LAWYER_MOBILE = "13800000123"


def _signin(client: Client, mobile: str) -> str:
    """The provider's path: the desk sends to the portal's sign-in (phone only), which comes back to enter."""
    first = client.get(reverse("appointments_h5:calendar"))
    assert first.status_code == 302 and "for=phone" in first["Location"]
    client.post(first["Location"], {"mobile": mobile})
    code = ConsoleSmsBackend.outbox[blind_index(mobile, purpose="mobile")]
    verified = client.post(first["Location"], {"step": "code", "code": code, "for": "phone"})
    assert verified.status_code == 302 and verified["Location"] == reverse("appointments_h5:enter")
    entered = client.get(verified["Location"])
    return entered["Location"] if entered.status_code == 302 else entered.content.decode()


def _lawyer(world: World) -> Provider:
    return services.provider_register(
        actor=world.users["owner"],
        org=world.town_a,
        data=services.ProviderFields(
            name="王律师", kind=ServiceKind.LEGAL, mobile=LAWYER_MOBILE, title="大中律师事务所"
        ),
    )


def test_a_registered_provider_signs_in_by_code_and_sees_only_their_own_calendar(world: World) -> None:
    lawyer = _lawyer(world)
    services.rules_set(actor=world.users["owner"], provider=lawyer, week={d: "08:00-12:00" for d in range(7)})
    services.appointment_book(actor=None, provider=lawyer, person=world.member.person, starts_at=at(2, 9))
    client = Client()
    assert _signin(client, LAWYER_MOBILE) == reverse("appointments_h5:calendar")
    lawyer.refresh_from_db()
    assert lawyer.user is not None and lawyer.user.kind == UserKind.PROVIDER
    page = client.get(reverse("appointments_h5:calendar"), {"date": at(2, 9).date().isoformat()}).content.decode()
    assert "李在册" in page and "1 个预约" in page
    # Not the counsellor's appointment at 10:00 the same day, nor their session pages.
    assert client.get(reverse("appointments_h5:session", args=[world.appointments.upcoming.pk])).status_code == 404
    assert client.get(reverse("appointments:providers")).status_code == 403  # no workbench for a partner
    # Signing in again reuses the account.
    PhoneCode.objects.update(created_at=timezone.now() - dt.timedelta(seconds=61))  # past the resend pause
    again = Client()
    _signin(again, LAWYER_MOBILE)
    assert Provider.objects.get(pk=lawyer.pk).user == lawyer.user


def test_an_unregistered_number_gets_a_clear_page(world: World) -> None:
    text = _signin(Client(), "13800000777")
    assert "未登记为服务人员" in text


def test_the_provider_marks_writes_notes_and_raises_a_flag_through_the_pages(world: World) -> None:
    client = Client()
    client.force_login(world.users["provider"])
    past = world.appointments.past
    act = lambda action, **data: client.post(reverse("appointments_h5:session_act", args=[past.pk, action]), data)  # noqa: E731
    assert act("done").status_code == 302
    past.refresh_from_db()
    assert past.status == AppointmentStatus.DONE
    act("note", text="第二次记录")
    assert services.note_read(actor=world.users["provider"], appointment=past) == "第二次记录"
    act("risk")
    page = client.get(reverse("appointments_h5:session", args=[past.pk])).content.decode()
    assert "已提出风险提示" in page
    week = client.get(reverse("appointments_h5:calendar"), {"date": past.starts_at.date().isoformat()})
    assert "有记录" in week.content.decode()  # the calendar says a note exists, never what it says
    assert NOTE not in week.content.decode() and "第二次记录" not in week.content.decode()


def test_the_worker_books_cancels_and_reschedules_in_me(world: World) -> None:
    client = Client()
    client.force_login(world.users["member"])
    provider = world.appointments.provider
    page = client.get(reverse("appointments_h5:provider", args=[provider.pk])).content.decode()
    assert PROVIDER in page and "data-slot" in page
    booked = client.post(reverse("appointments_h5:book", args=[provider.pk]), {"starts_at": at(3, 11).isoformat()})
    assert booked.status_code == 302
    appointment = Appointment.objects.get(starts_at=at(3, 11))
    mine = client.get(reverse("appointments_h5:services")).content.decode()
    assert "预约成功" in mine and PROVIDER in mine
    taken = client.post(reverse("appointments_h5:book", args=[provider.pk]), {"starts_at": at(3, 11).isoformat()})
    assert "该时段已被预约" in client.get(taken["Location"]).content.decode()
    client.post(reverse("appointments_h5:reschedule", args=[appointment.pk]), {"starts_at": at(3, 13).isoformat()})
    assert Appointment.objects.get(rescheduled_from=appointment).starts_at == at(3, 13)
    moved = Appointment.objects.get(rescheduled_from=appointment)
    client.post(reverse("appointments_h5:cancel", args=[moved.pk]))
    moved.refresh_from_db()
    assert moved.status == AppointmentStatus.CANCELLED
    me = client.get(reverse("portal:me")).content.decode()
    assert "我的预约" in me
