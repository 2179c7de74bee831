"""The demo loads on the demo unions, twice without doubling: 商南's two 维权服务站 with cross-region cases,
柳市's Friday lawyers and 90 普法 sessions reaching about 32,000, 建湖's hired lawyers' cases."""

from __future__ import annotations

import pytest

from gonghui.appointments.demo import load_demo_appointments
from gonghui.events.choices import EventKind
from gonghui.orgs.kinds import OrgKind
from gonghui.rights.legalaid.demo import load_demo_legalaid
from gonghui.rights.legalaid.figures import legalaid_figures
from gonghui.rights.legalaid.models import Consultation, LegalAidCase
from gonghui.stations.demo import load_demo_stations
from gonghui.stations.models import Station
from tests.factories import UserFactory, make_member, make_org

pytestmark = pytest.mark.django_db


def test_demo_loads_twice() -> None:
    admin = UserFactory(is_superuser=True)
    shangnan = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    make_org("商南县快递行业工会联合会", parent=shangnan, kind=OrgKind.SECTOR_FED, code="sn-kuaidi", region="611023")
    make_org("商洛市虎之翼科技有限公司工会", parent=shangnan, code="sn-huzhiyi", region="611023")
    sudi = make_org("商南县速递物流服务有限公司工会", parent=shangnan, code="sn-kd-sudi", region="611023")
    make_org("盐南高新区总工会", kind=OrgKind.FED_COUNTY, code="yannan", region="320902")
    liushi = make_org("乐清市柳市镇总工会", kind=OrgKind.TOWN, code="liushi", region="330382")
    make_org("建湖县总工会", kind=OrgKind.FED_COUNTY, code="jianhu", region="320925")
    for i in range(30):
        make_member(sudi, 100 + i)
    for i in range(20):
        make_member(liushi, 300 + i)
    load_demo_stations(admin)
    load_demo_appointments(admin)
    made = load_demo_legalaid(admin)
    assert made > 0 and load_demo_legalaid(admin) == 0
    stations = Station.objects.filter(org=shangnan, kind__code="legal", name__startswith="商南籍农民工维权服务站")
    assert stations.count() == 2 and stations.filter(name__contains="南京溧水").exists()
    cross = LegalAidCase.objects.filter(org=sudi, helping_org=shangnan)
    assert cross.count() == 8 and cross.filter(status="closed").exists()
    assert Consultation.objects.filter(station__name__contains="西安").count() == 14
    liushi_cases = LegalAidCase.objects.filter(org__path__startswith=liushi.path)
    assert liushi_cases.count() == 4 and liushi_cases.exclude(provider=None).exists()
    fridays = Consultation.objects.filter(org=liushi).values_list("asked_at", flat=True)
    assert fridays and {a.weekday() for a in fridays} <= {4, 3}  # Friday afternoons (local; UTC may show Thursday)
    assert LegalAidCase.objects.filter(org__code="jianhu", status="closed").count() == 3
    years = {a.year for a in fridays}
    law = {f.key: f.value for y in years for f in legalaid_figures(liushi, y) if f.key.startswith("law_")}
    assert law  # the 普法 figures are there; the total below is over every year the sessions fall in
    from gonghui.events.models import Event, Scan

    sessions = Event.objects.filter(org=liushi, kind=EventKind.LAW)
    assert sessions.count() == 90 and Scan.objects.filter(event__in=sessions).count() == 32_000
