"""The demo 预约服务 loads on the demo unions and stations, twice without doubling: 商南's counselling room
with 75 sessions held (a few missed) and 12 to come and 柳市's Friday rota of lawyers."""

from __future__ import annotations

import pytest
from django.utils import timezone

from gonghui.appointments.choices import AppointmentStatus, ServiceKind
from gonghui.appointments.demo import load_demo_appointments
from gonghui.appointments.models import Appointment, Provider
from gonghui.appointments.slots import free_slots
from gonghui.orgs.kinds import OrgKind
from gonghui.stations.demo import load_demo_stations
from tests.factories import UserFactory, make_member, make_org

pytestmark = pytest.mark.django_db


def test_demo_loads_twice() -> None:
    admin = UserFactory(is_superuser=True)
    shangnan = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    make_org("商南县快递行业工会联合会", parent=shangnan, kind=OrgKind.SECTOR_FED, code="sn-kuaidi", region="611023")
    make_org("商洛市虎之翼科技有限公司工会", parent=shangnan, code="sn-huzhiyi", region="611023")
    make_org("盐南高新区总工会", kind=OrgKind.FED_COUNTY, code="yannan", region="320902")
    liushi = make_org("乐清市柳市镇总工会", kind=OrgKind.TOWN, code="liushi", region="330382")
    for i in range(40):
        make_member(shangnan, 100 + i)
    for i in range(6):
        make_member(liushi, 300 + i)
    load_demo_stations(admin)
    made = load_demo_appointments(admin)
    assert load_demo_appointments(admin) == 0
    sn = Appointment.objects.filter(provider__org=shangnan)
    assert sn.count() == 75 + 12 == made - Appointment.objects.filter(provider__org=liushi).count()
    assert sn.filter(kind=ServiceKind.COUNSELLING, starts_at__lt=timezone.now()).count() == 75
    done = sn.filter(status=AppointmentStatus.DONE).count()
    upcoming = sn.filter(status=AppointmentStatus.BOOKED, starts_at__gt=timezone.now()).count()
    assert done > 50 and upcoming == 12 and sn.filter(status=AppointmentStatus.NO_SHOW).exists()
    assert {p.station.name for p in Provider.objects.filter(org=shangnan)} == {"商南县总工会职工之家"}
    lawyers = Provider.objects.filter(org=liushi, kind=ServiceKind.LEGAL)
    assert lawyers.count() == 4
    for lawyer in lawyers:
        slots = free_slots(lawyer, days=35)
        assert slots and {timezone.localtime(s.starts_at).weekday() for s in slots} == {4}  # Fridays only
    assert Appointment.objects.filter(provider__org=liushi).count() == 6
