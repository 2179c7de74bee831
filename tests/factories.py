"""Factories. Org nodes are created through treebeard (add_root/add_child) so paths are real."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from gonghui.common.idcard import check_char
from gonghui.common.search_keys import search_keys
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.demo import demo_uscc
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import Enterprise, Industry, OrgNode, StaffRole
from gonghui.orgs.roles import Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Faker("name", locale="zh_CN")
    password = factory.PostGenerationMethodCall("set_password", "pass-word-123")

    @factory.post_generation
    def _save(obj, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            obj.save()


def make_org(
    name: str,
    *,
    parent: OrgNode | None = None,
    kind: str | None = None,
    code: str | None = None,
    region: str = "320904",
    uscc: str = "",
) -> OrgNode:
    kind = kind or (OrgKind.FED_CITY if parent is None else OrgKind.GRASSROOTS)
    keys = search_keys(name)
    node = OrgNode(
        code=code or f"t-{OrgNode.objects.count() + 1}-{abs(hash(name)) % 10000}",
        name=name,
        kind=kind,
        region_id=region,
        uscc=uscc,
        name_simplified=keys.simplified,
        name_pinyin=keys.pinyin,
        name_initials=keys.initials,
    )
    if parent is None:
        return OrgNode.objects.add_root(instance=node)
    parent.refresh_from_db()
    return OrgNode.objects.add_child(parent, instance=node)


def grant(user: Any, org: OrgNode, role: str = Role.ADMIN) -> StaffRole:
    return StaffRole.objects.create(user=user, org=org, role=role)


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    name = factory.Sequence(lambda n: f"测试企业{n}有限公司")
    uscc = factory.LazyAttribute(lambda o: demo_uscc("91", "320904", o.name))
    industry = Industry.C
    employee_count = 100
    region_id = "320904"
    contact_name = "王经理"
    contact_phone = "13912345678"


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (8, 8)) -> bytes:
    """A real, decodable image (or, with fmt="PDF", a one-page PDF), as a phone or a scanner makes them."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


# --- stations (服务阵地) ---------------------------------------------------------------------------


def station_kind(code: str = "outdoor", name: str = "户外劳动者服务站（爱心驿站）") -> Any:
    """A kind, seeded by migration but flushed by transactional tests: made again when missing."""
    from gonghui.stations.models import StationKind

    return StationKind.objects.get_or_create(code=code, defaults={"name": name})[0]


def station_facility(code: str = "water", name: str = "饮水") -> Any:
    from gonghui.stations.models import Facility

    return Facility.objects.get_or_create(code=code, defaults={"name": name})[0]


def make_station(
    org: OrgNode,
    *,
    name: str = "测试爱心驿站",
    kind: str = "outdoor",
    lat: float = 33.35,
    lng: float = 120.16,
    hours: str | None = "08:00-18:00",
    is_24h: bool = False,
    facilities: tuple[str, ...] = (),
    **fields: Any,
) -> Any:
    """A station with the same hours every weekday (None: no hours at all)."""
    from decimal import Decimal

    from gonghui.stations.hours import parse_day
    from gonghui.stations.models import OpeningHours, Station

    station = Station.objects.create(
        org=org,
        kind=station_kind(kind),
        name=name,
        address=fields.pop("address", "测试路 1 号"),
        lat=Decimal(f"{lat:.6f}"),
        lng=Decimal(f"{lng:.6f}"),
        is_24h=is_24h,
        **{"region_id": org.region_id, **fields},
    )
    if hours is not None:
        OpeningHours.objects.bulk_create(
            OpeningHours(station=station, weekday=d, opens=s.opens, closes=s.closes)
            for d in range(7)
            for s in parse_day(hours)
        )
    station.facilities.set([station_facility(code) for code in facilities])
    return station


def make_room(station: Any, *, name: str = "测试活动室", **fields: Any) -> Any:
    from gonghui.stations.models import Room

    return Room.objects.create(station=station, name=name, **fields)


def make_title(org: OrgNode, *, name: str = "测试县级示范点", level: str = "county", **fields: Any) -> Any:
    from gonghui.stations.models import RatingTitle

    fields.setdefault("criteria", [{"item": "服务设施", "max": 50}, {"item": "服务成效", "max": 50}])
    fields.setdefault("pass_points", 60)
    return RatingTitle.objects.create(org=org, name=name, level=level, **fields)


# --- a small federation with members (events, benefits) ----------------------------------------------


def today() -> dt.date:
    """The union's today (Asia/Shanghai), asked for when a test runs, never kept from collection."""
    return timezone.localdate()


def at_run(values: dict[str, Any]) -> dict[str, Any]:
    """Parametrize values given as lambdas, computed when the test runs: a value computed at collection
    is a day stale once the run crosses midnight in Asia/Shanghai (16:00 UTC)."""
    return {key: value() if callable(value) and not isinstance(value, type) else value for key, value in values.items()}


def id_number(seq: int) -> str:
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=seq // 900)
    first17 = f"320904{birth:%Y%m%d}{seq % 900 + 100:03d}"
    return first17 + check_char(first17)


def make_member(org: OrgNode, seq: int, *, name: str = "", sex: str = "M", form: str = "") -> Membership:
    name = name or f"职工{seq}"
    person = Person.objects.create(
        name=name, id_number=id_number(seq), mobile=f"139{seq:08d}", sex=sex, **person_keys(name)
    )
    return Membership.objects.create(
        person=person,
        org=org,
        status=MembershipStatus.ACTIVE,
        source="cadre",
        applied_at=timezone.now(),
        member_no=f"M{seq:05d}",
        employment_form=form,
    )


class Tree:
    def __init__(self) -> None:
        self.county = make_org("商南县总工会", kind=OrgKind.FED_COUNTY)
        self.union = make_org("商南县城关基层工会", parent=self.county)
        self.other = make_org("商南县富水基层工会", parent=self.county)
        self.stranger = make_org("泰安市总工会")
        self.cadre = UserFactory(username="county-cadre")
        grant(self.cadre, self.county)
        self.union_cadre = UserFactory(username="union-cadre")
        grant(self.union_cadre, self.union)
        self.outsider = UserFactory(username="taian-cadre")
        grant(self.outsider, self.stranger)
