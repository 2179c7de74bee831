"""Demo stations from the source stories (seed_demo). Safe to run twice.

商南: 40+ standardised points (母婴关爱室, 爱心驿站, 职工书屋) around the county town, its one
"全国最美工会户外劳动者服务站点", 3 provincial 职工书屋 demonstration points, 3 provincial 二星 母婴关爱室 and a
provincial 司机之家, each rated through application, review and decision. 盐南: two 康乃馨服务站, one open
24 hours with a 外卖放置区, with 60 days of visits (couriers at night). 柳市: the 16 "乐工益" teaching points.
A 职工之家 of 商南 has a room with bookings. Coordinates are WGS-84 and made up near the real places.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.common.textnorm import clean_text
from gonghui.orgs.models import OrgNode
from gonghui.stations import services
from gonghui.stations.choices import HostKind, VisitCategory
from gonghui.stations.models import (
    Facility,
    Rating,
    RatingTitle,
    Room,
    Station,
    StationKind,
    StationService,
    StationVisit,
)

WEEKDAY_HOURS = "08:00-12:00, 14:30-18:00"
SN_PLACES = [
    "城关街道",
    "富水镇",
    "试马镇",
    "清油河镇",
    "湘河镇",
    "赵川镇",
    "金丝峡镇",
    "过风楼镇",
    "十里坪镇",
    "青山镇",
    "县医院",
    "县妇幼保健院",
    "县政务服务中心",
    "商南高级中学",
    "丹江公园",
    "鹿城广场",
]
SN_KINDS = [("maternal", "母婴关爱室"), ("outdoor", "爱心驿站"), ("bookhouse", "职工书屋")]
LS_HOSTS = [
    "黄华集团",
    "柳市电器科技",
    "乐清开关设备",
    "正泰工业园",
    "德力西电气",
    "天正电气",
    "人民电器",
    "长城电器",
    "新华村",
    "东风村",
    "长虹村",
    "西岸村",
    "柳市镇文化站",
    "柳市职业技术学校",
    "柳市镇总工会",
    "象阳工业区",
]
TITLES = [
    # (name, level, stars, kind code, issuer, how many 商南 stations hold it)
    ("全国最美工会户外劳动者服务站点", "national", 0, "outdoor", "中华全国总工会", 1),
    ("省级职工书屋示范点", "province", 0, "bookhouse", "陕西省总工会", 3),
    ("省级二星母婴关爱室", "province", 2, "maternal", "陕西省总工会", 3),
    ("省级司机之家", "province", 0, "drivers", "陕西省总工会", 1),
]
CRITERIA = [{"item": "场地设施", "max": 30}, {"item": "服务内容", "max": 30}, {"item": "管理制度", "max": 20}]
CRITERIA += [{"item": "服务成效", "max": 20}]


def _picks(codes: list[str], model: Any) -> list[Any]:
    return list(model.objects.filter(code__in=codes))


def _station(
    admin: Any,
    org: OrgNode,
    *,
    name: str,
    kind: str,
    lat: float,
    lng: float,
    address: str,
    hours: dict[int, str],
    facilities: list[str],
    service_codes: list[str] = (),  # type: ignore[assignment]
    is_24h: bool = False,
    host_kind: str = HostKind.STREET,
    host_name: str = "",
    phone: str = "",
) -> tuple[Station, bool]:
    found = Station.objects.filter(org=org, name=clean_text(name)).first()  # stored as the service tidied it
    if found is not None:
        return found, False
    data = services.StationData(
        kind=StationKind.objects.get(code=kind),
        name=name,
        address=address,
        lat=Decimal(f"{lat:.6f}"),
        lng=Decimal(f"{lng:.6f}"),
        host_kind=host_kind,
        host_name=host_name,
        is_24h=is_24h,
        contact_phone=phone,
        facilities=_picks(facilities, Facility),
        services=_picks(list(service_codes), StationService),
    )
    station = services.station_create(actor=admin, org=org, data=data)
    services.station_hours_set(actor=admin, station=station, week=hours, is_24h=is_24h)
    return station, True


def _week(weekdays: str, weekend: str = "") -> dict[int, str]:
    return {d: (weekdays if d < 5 else weekend) for d in range(7)}


def _shangnan(admin: Any, rng: random.Random) -> tuple[int, dict[str, list[Station]]]:
    org = OrgNode.objects.get(code="shangnan")
    made = 0
    by_kind: dict[str, list[Station]] = {"maternal": [], "outdoor": [], "bookhouse": [], "drivers": []}
    for i in range(42):
        kind, label = SN_KINDS[i % 3]
        place = SN_PLACES[i % len(SN_PLACES)]
        in_town = i % 4 != 3
        spread = 0.03 if in_town else 0.25
        facilities = {
            "maternal": ["nursing", "water", "rest", "toilet", "aircon"],
            "outdoor": ["water", "microwave", "charging", "rest", "toilet", "first-aid"],
            "bookhouse": ["books", "water", "rest", "wifi"],
        }[kind]
        hours = _week("06:30-20:30", "07:00-20:00") if kind == "outdoor" else _week(WEEKDAY_HOURS, "09:00-17:00")
        station, new = _station(
            admin,
            org,
            name=f"商南县{place}{label}",  # 16 places × 3 kinds: every name differs
            kind=kind,
            lat=33.530 + rng.uniform(-spread, spread),
            lng=110.880 + rng.uniform(-spread, spread),
            address=f"陕西省商洛市商南县{place}",
            hours=hours,
            facilities=facilities,
            service_codes=["reading"] if kind == "bookhouse" else (["counselling"] if kind == "maternal" else []),
            host_name=place,
            phone=f"0914-73{21000 + i}",
        )
        made += new
        by_kind[kind].append(station)
    drivers, new = _station(
        admin,
        org,
        name="商南县G40沪陕高速服务区司机之家",
        kind="drivers",
        lat=33.5622,
        lng=110.9105,
        address="陕西省商洛市商南县G40沪陕高速商南服务区",
        hours={d: "全天" for d in range(7)},
        is_24h=True,
        facilities=["water", "microwave", "charging", "rest", "toilet", "wifi"],
        service_codes=["joining", "legal-aid"],
        host_kind=HostKind.OTHER,
        host_name="商南服务区",
        phone="0914-7312345",
    )
    by_kind["drivers"].append(drivers)
    made += new
    home, new = _station(
        admin,
        org,
        name="商南县总工会职工之家",
        kind="home",
        lat=33.5318,
        lng=110.8829,
        address="陕西省商洛市商南县城关街道鹿城路",
        hours=_week("08:00-12:00, 14:30-21:00", "09:00-21:00"),
        facilities=["water", "books", "rest", "toilet", "aircon", "wifi"],
        service_codes=["counselling", "legal-aid", "training", "joining", "hardship"],
        host_name="商南县总工会",
        phone="0914-7321888",
    )
    made += new
    _rooms(admin, home)
    return made, by_kind


def _rate(admin: Any, by_kind: dict[str, list[Station]]) -> None:
    org = OrgNode.objects.get(code="shangnan")
    for name, level, stars, kind, issuer, count in TITLES:
        title = RatingTitle.objects.filter(org=org, name=name).first() or services.rating_title_create(
            actor=admin,
            org=org,
            level=level,
            name=name,
            stars=stars,
            kind=StationKind.objects.get(code=kind),
            criteria=CRITERIA,
            pass_points=80,
            valid_months=36,
            issuer=issuer,
        )
        for i, station in enumerate(by_kind[kind][:count]):
            if Rating.objects.filter(station=station, title=title).exists():
                continue
            scores = {"场地设施": 28, "服务内容": 27, "管理制度": 18, "服务成效": 19 - i}
            application = services.rating_apply(actor=admin, station=station, title=title, self_scores=scores)
            services.rating_review(actor=admin, application=application, scores=scores, note="材料齐全，现场核查属实")
            services.rating_decide(
                actor=admin, application=application, grant=True, valid_from=dt.date(2024, 5, 1) + dt.timedelta(i * 40)
            )


def _rooms(admin: Any, home: Station) -> None:
    if Room.objects.filter(station=home).exists():
        return
    hall = services.room_create(actor=admin, station=home, name="多功能活动室", capacity=60, slot_minutes=60)
    services.room_create(
        actor=admin, station=home, name="心理咨询室", capacity=3, slot_minutes=30, bookable_by="members"
    )
    tz = timezone.get_current_timezone()
    day = timezone.localdate() + dt.timedelta(days=(7 - timezone.localdate().weekday()) % 7 or 7)  # next Monday
    kuaidi = OrgNode.objects.get(code="sn-kuaidi")
    approved = services.booking_request(
        actor=admin,
        room=hall,
        starts_at=timezone.make_aware(dt.datetime.combine(day, dt.time(9)), tz),
        ends_at=timezone.make_aware(dt.datetime.combine(day, dt.time(11)), tz),
        purpose="快递行业工会会员代表大会",
        attendees=45,
        booker_org=kuaidi,
    )
    services.booking_decide(actor=admin, booking=approved, approve=True)
    services.booking_request(
        actor=admin,
        room=hall,
        starts_at=timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=2), dt.time(15)), tz),
        ends_at=timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=2), dt.time(17)), tz),
        purpose="工会大讲堂·心理健康讲座",
        attendees=50,
        booker_org=OrgNode.objects.get(code="sn-huzhiyi"),
    )


def _yannan(admin: Any, rng: random.Random) -> int:
    org = OrgNode.objects.get(code="yannan")
    night, new_night = _station(
        admin,
        org,
        name="盐南高新区康乃馨服务站（新都街道）",
        kind="carnation",
        lat=33.3472,
        lng=120.1768,
        address="江苏省盐城市盐南高新区新都街道新都西路",
        hours={d: "全天" for d in range(7)},
        is_24h=True,
        facilities=["water", "microwave", "charging", "rest", "toilet", "parcel", "first-aid"],
        service_codes=["joining", "legal-aid", "health"],
        host_name="新都街道",
        phone="0515-88201234",
    )
    day, new_day = _station(
        admin,
        org,
        name="盐南高新区康乃馨服务站（伍佑街道）",
        kind="carnation",
        lat=33.2641,
        lng=120.1552,
        address="江苏省盐城市盐南高新区伍佑街道伍佑大街",
        hours=_week("08:30-20:30", "09:00-18:00"),
        facilities=["water", "microwave", "charging", "rest", "toilet", "nursing"],
        service_codes=["counselling", "childcare"],
        host_name="伍佑街道",
        phone="0515-88205678",
    )
    _visits(night, rng, per_day=(18, 34), night_share=0.35)
    _visits(day, rng, per_day=(6, 14), night_share=0.0)
    return new_night + new_day


def _visits(station: Station, rng: random.Random, *, per_day: tuple[int, int], night_share: float) -> None:
    """60 days of scans: couriers and delivery riders, many of them at night at the 24-hour station."""
    if StationVisit.objects.filter(station=station).exists():
        return
    tz = timezone.get_current_timezone()
    window = services.visit_window_minutes()
    day_categories = [VisitCategory.DELIVERY] * 4 + [VisitCategory.COURIER] * 3 + [VisitCategory.SANITATION] * 2
    day_categories += [VisitCategory.TRUCKER, VisitCategory.OTHER]
    night_categories = [VisitCategory.DELIVERY] * 5 + [VisitCategory.COURIER] * 3 + [VisitCategory.TRUCKER]
    rows = []
    today = timezone.localdate()
    for back in range(60, 0, -1):
        date = today - dt.timedelta(days=back)
        for n in range(rng.randint(*per_day)):
            at_night = rng.random() < night_share
            hour = rng.choice([22, 23, 0, 1, 2, 3, 4, 5]) if at_night else rng.randint(8, 20)
            at = timezone.make_aware(dt.datetime.combine(date, dt.time(hour, rng.randint(0, 59))), tz)
            category = rng.choice(night_categories if at_night else day_categories)
            key = services.visitor_key("demo", f"{station.pk}-{back}-{n}")
            rows.append(
                StationVisit(
                    station=station,
                    at=at,
                    category=category,
                    visitor_key=key,
                    bucket=int(at.timestamp() // 60) // window,
                )
            )
    StationVisit.objects.bulk_create(rows, ignore_conflicts=True)


def _liushi(admin: Any, rng: random.Random) -> int:
    org = OrgNode.objects.get(code="liushi")
    made = 0
    for i, host in enumerate(LS_HOSTS):
        _station_row, new = _station(
            admin,
            org,
            name=f"乐工益·{host}教学点",
            kind="teaching",
            lat=28.050 + rng.uniform(-0.025, 0.025),
            lng=120.930 + rng.uniform(-0.025, 0.025),
            address=f"浙江省温州市乐清市柳市镇{host}",
            hours=_week("18:30-21:00", "09:00-11:30, 14:00-16:30" if i % 2 else ""),
            facilities=["water", "rest", "wifi", "aircon"],
            service_codes=["training", "legal-aid"] if i % 3 == 0 else ["training"],
            host_kind=HostKind.ENTERPRISE if i < 8 else HostKind.OTHER,
            host_name=host,
            phone=f"0577-6270{1000 + i}",
        )
        made += new
    return made


def load_demo_stations(admin: Any) -> int:
    """Create the demo stations (those not there yet); the number of stations created."""
    rng = random.Random(15)  # noqa: S311 - demo data: the same coordinates and visits on every machine
    made, by_kind = _shangnan(admin, rng)
    _rate(admin, by_kind)
    made += _yannan(admin, rng)
    made += _liushi(admin, rng)
    return made
