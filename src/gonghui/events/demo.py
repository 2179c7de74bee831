"""Demo events from the stories (seed_demo). Safe to run twice: each story's events are made once.

商南: the staff sports meeting (3,000+ attendances), 38 mental-health lectures, an open 工会大讲堂, a 健步走
and the "丝路青缘" singles' meet-up; 东台: the 32nd staff games' badminton with 25 union teams; 大丰: the
"8+X" service fair where 40 truck drivers scanned; 柳市: 33 乐工益 exchange meetings, 1,128 attendances.
Rows are written in bulk: the services would take minutes for thousands of sign-ups and scans.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F
from django.utils import timezone

from gonghui.events.choices import EventKind, EventStatus, ScanOutcome, SignUpStatus
from gonghui.events.models import Event, Scan, SignUp, SocialProfile, Team
from gonghui.members.choices import Sex
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode
from gonghui.stations.models import Station

SPORTS_PEOPLE = 3_100
LECTURES = 38
LIUSHI_MEETINGS = 33
LIUSHI_ATTENDANCE = 1_128


def _station(code: str, word: str = "") -> Station | None:
    qs = Station.objects.filter(org__path__startswith=OrgNode.objects.get(code=code).path)
    return (qs.filter(name__contains=word).first() if word else None) or qs.first()


def _event(org: OrgNode, admin: Any, title: str, kind: str, start: dt.datetime, hours: float, **fields: Any) -> Event:
    return Event.objects.create(
        org=org,
        title=title,
        kind=kind,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=hours),
        status=EventStatus.PUBLISHED,
        created_by=admin,
        **fields,
    )


def _attended(event: Event, people: list[Person], org_of: dict[int, int], at: dt.datetime) -> None:
    SignUp.objects.bulk_create(
        SignUp(
            event=event,
            person=p,
            org_id=org_of.get(p.pk),
            status=SignUpStatus.CONFIRMED,
            checked_in_at=at + dt.timedelta(minutes=i % 50),
        )
        for i, p in enumerate(people)
    )
    Event.objects.filter(pk=event.pk).update(held=len(people))


def _walk_ins(event: Event, admin: Any, count: int, category: str, tag: str) -> None:
    Scan.objects.bulk_create(
        Scan(
            event=event,
            nonce=f"demo-{tag}-{event.pk}-{i}",
            outcome=ScanOutcome.WALK_IN,
            category=category,
            scanned_at=event.starts_at + dt.timedelta(minutes=i % 90),
            scanner=admin,
        )
        for i in range(count)
    )


def _members_of(code: str, prefix: str, count: int) -> tuple[list[Person], dict[int, int]]:
    """`count` demo members spread over the grassroots unions under `code`."""
    root = OrgNode.objects.get(code=code)
    unions = list(OrgNode.objects.filter(path__startswith=root.path, kind="grassroots").order_by("path")) or [root]
    people = list(dict.fromkeys(demo_people(prefix, count, root.region_id)))  # two numbers may meet: once
    share = -(-count // len(unions))
    for n, union in enumerate(unions):
        demo_members(people[n * share : (n + 1) * share], union)
    org_of = dict(Membership.objects.filter(person__in=people, status="active").values_list("person_id", "org_id"))
    return people, org_of


def _shangnan(admin: Any, now: dt.datetime) -> int:
    county = OrgNode.objects.get(code="shangnan")
    people, org_of = _members_of("shangnan", "sn-event", SPORTS_PEOPLE)
    start = (now - dt.timedelta(days=60)).replace(hour=8, minute=30)
    meet = _event(
        county,
        admin,
        "商南县第十届职工运动会",
        EventKind.SPORTS,
        start,
        9,
        capacity=3_500,
        address="商南县体育场",
        summary="全县职工3000余人参加，设拔河、篮球、健步走、广播操等项目。",
    )
    for title in ("拔河比赛", "篮球比赛", "广播体操"):
        _event(county, admin, title, EventKind.SPORTS_ITEM, start, 4, capacity=400, address="商南县体育场", parent=meet)
    _attended(meet, people, org_of, start)
    counsel_room = _station("shangnan", "心理")
    for n in range(LECTURES):
        when = (now - dt.timedelta(days=330 - n * 8)).replace(hour=15, minute=0)
        lecture = _event(
            county,
            admin,
            f"职工心理健康讲座（第{n + 1}期）",
            EventKind.MENTAL_HEALTH,
            when,
            2,
            capacity=60,
            station=counsel_room,
            address="" if counsel_room else "商南县职工服务中心",
        )
        _attended(lecture, people[n * 40 : n * 40 + 20 + n % 15], org_of, when)
    soon = (now + dt.timedelta(days=3)).replace(hour=9, minute=0, second=0, microsecond=0)
    open_lecture = _event(
        county,
        admin,
        "商南县工会大讲堂：新就业形态劳动者权益保护",
        EventKind.LECTURE,
        soon,
        2,
        capacity=80,
        address="商南县职工服务中心三楼报告厅",
        description="县总工会法律顾问主讲，现场解答快递员、外卖员的劳动权益问题。",
    )
    _attended(open_lecture, people[2000:2046], org_of, soon)
    SignUp.objects.filter(event=open_lecture).update(checked_in_at=None)
    _event(
        county,
        admin,
        "“健康商南”职工健步走",
        EventKind.WALK,
        soon + dt.timedelta(days=4),
        3,
        capacity=500,
        address="丹江公园",
        description="线上打卡：每天走满8000步即可打卡。",
    )
    meetup = _event(
        county,
        admin,
        "“丝路青缘”单身职工联谊会",
        EventKind.SOCIAL,
        soon + dt.timedelta(days=10),
        4,
        capacity=60,
        address="金丝峡景区游客中心",
        members_only=True,
    )
    singles = people[2100:2112]
    SocialProfile.objects.bulk_create(
        SocialProfile(
            person=p,
            opted_in=True,
            nickname=f"青缘{i + 1:02d}",
            birth_year=1990 + i % 8,
            hometown="商南",
            occupation="职工",
            shown=["birth_year", "hometown", "occupation"],
        )
        for i, p in enumerate(singles)
    )
    Person.objects.filter(pk__in=[p.pk for p in singles[::2]]).update(sex=Sex.FEMALE)
    _attended(meetup, singles, org_of, soon)
    SignUp.objects.filter(event=meetup).update(checked_in_at=None)
    return 5 + LECTURES + 3


def _dongtai(admin: Any, now: dt.datetime) -> int:
    county = OrgNode.objects.get(code="dongtai")
    start = (now + dt.timedelta(days=12)).replace(hour=8, minute=0, second=0, microsecond=0)
    games = _event(
        county,
        admin,
        "东台市第三十二届职工运动会",
        EventKind.SPORTS,
        start,
        8,
        capacity=2_000,
        address="东台市体育中心",
    )
    badminton = _event(
        county,
        admin,
        "羽毛球团体赛",
        EventKind.SPORTS_ITEM,
        start,
        8,
        capacity=200,
        address="东台市体育中心羽毛球馆",
        parent=games,
        team_size_min=4,
        team_size_max=6,
        teams_per_union=1,
    )
    unions = list(OrgNode.objects.filter(code__startswith="dt-").order_by("code"))
    people = list(dict.fromkeys(demo_people("dt-badminton", 4 * len(unions), county.region_id)))
    for n, union in enumerate(unions):
        squad = people[n * 4 : n * 4 + 4]
        demo_members(squad, union)
        team = Team.objects.create(
            event=badminton, org=union, name=f"{union.name.removesuffix('工会')}队", seq=1, created_by=admin
        )
        SignUp.objects.bulk_create(
            SignUp(event=badminton, person=p, org=union, team=team, status=SignUpStatus.CONFIRMED) for p in squad
        )
    Event.objects.filter(pk=badminton.pk).update(held=F("held") + len(people))
    return 2


def _dafeng(admin: Any, now: dt.datetime) -> int:
    county = OrgNode.objects.get(code="dafeng")
    start = (now - dt.timedelta(days=20)).replace(hour=9, minute=0)
    fair = _event(
        county,
        admin,
        "“8+X”货车司机服务集市",
        EventKind.FAIR,
        start,
        5,
        capacity=300,
        address="大丰港物流园司机之家",
        members_only=False,
        summary="义诊、法律咨询、车辆检修等8项服务；现场40名货车司机扫码入会。",
    )
    _walk_ins(fair, admin, 40, "truck_driver", "8x")
    _walk_ins(fair, admin, 26, "other", "8x-other")
    return 1


def _liushi(admin: Any, now: dt.datetime) -> int:
    town = OrgNode.objects.get(code="liushi")
    per, extra = divmod(LIUSHI_ATTENDANCE, LIUSHI_MEETINGS)
    for n in range(LIUSHI_MEETINGS):
        when = (now - dt.timedelta(days=340 - n * 10)).replace(hour=19, minute=0)
        meeting = _event(
            town,
            admin,
            f"“乐工益”交流会（第{n + 1}期）",
            EventKind.OTHER,
            when,
            2,
            capacity=60,
            station=_station("liushi"),
            address="柳市镇职工服务中心",
            members_only=False,
        )
        _walk_ins(meeting, admin, per + (1 if n < extra else 0), "other", "lgy")
    return LIUSHI_MEETINGS


def load_demo_events(admin: Any) -> int:
    if Event.objects.filter(org__code__in=["shangnan", "dongtai", "dafeng", "liushi"]).exists():
        return 0
    now = timezone.localtime()  # hours below are local (China) hours
    return _shangnan(admin, now) + _dongtai(admin, now) + _dafeng(admin, now) + _liushi(admin, now)
