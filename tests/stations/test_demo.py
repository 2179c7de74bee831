"""The demo stations load on the demo tree's unions, twice without doubling, with the stories' numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models.functions import ExtractHour
from django.utils import timezone

from gonghui.orgs.kinds import OrgKind
from gonghui.stations.demo import load_demo_stations
from gonghui.stations.models import Booking, Station, StationVisit
from gonghui.stations.selectors import current_ratings_qs
from tests.factories import UserFactory, make_org

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_with_the_stories_numbers() -> None:
    admin = UserFactory(is_superuser=True)
    shangnan = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    make_org("商南县快递行业工会联合会", parent=shangnan, kind=OrgKind.SECTOR_FED, code="sn-kuaidi", region="611023")
    make_org("商洛市虎之翼科技有限公司工会", parent=shangnan, code="sn-huzhiyi", region="611023")
    make_org("盐南高新区总工会", kind=OrgKind.FED_COUNTY, code="yannan", region="320902")
    make_org("乐清市柳市镇总工会", kind=OrgKind.TOWN, code="liushi", region="330382")
    made = load_demo_stations(admin)
    assert load_demo_stations(admin) == 0
    assert made == Station.objects.count() == 44 + 2 + 16
    sn = Station.objects.filter(org__code="shangnan")
    assert sn.filter(kind__code__in=["maternal", "outdoor", "bookhouse"]).count() >= 40
    rated = current_ratings_qs().filter(station__org__code="shangnan")
    assert rated.filter(title__name="全国最美工会户外劳动者服务站点").count() == 1
    assert rated.filter(title__name="省级职工书屋示范点").count() == 3
    assert rated.filter(title__name="省级二星母婴关爱室", title__stars=2).count() == 3
    assert rated.filter(title__name="省级司机之家").count() == 1
    night_station = Station.objects.get(name__startswith="盐南高新区康乃馨服务站", name__contains="新都街道")
    assert night_station.is_24h and night_station.facilities.filter(name="外卖放置区").exists()
    visits = StationVisit.objects.filter(station=night_station)
    since = timezone.now() - dt.timedelta(days=61)
    assert visits.count() > 60 * 15 and not visits.filter(at__lt=since).exists()
    night = visits.annotate(h=ExtractHour("at", tzinfo=timezone.get_current_timezone())).filter(h__in=[23, 0, 1, 2, 3])
    assert night.filter(category__in=["delivery", "courier"]).count() > 100
    assert Station.objects.filter(org__code="liushi", name__startswith="乐工益").count() == 16
    assert Booking.objects.filter(status="approved").count() == 1 and Booking.objects.count() == 2
