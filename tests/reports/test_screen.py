"""The 大屏: key figures, the map's unnamed markers and legend counts, today's live counters (hand-counted), the
minute's htmx poll, the scope, and no personal data anywhere on it."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.events.choices import ScanOutcome, SignUpStatus
from gonghui.events.models import Scan, SignUp
from gonghui.members.choices import JoinSource
from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode
from gonghui.reports.screen import live_counters, map_data
from gonghui.rights.earlywarning.models import EnterpriseLevel
from gonghui.stations.map_data import shown
from gonghui.stations.models import StationVisit
from tests.events.conftest import make_event
from tests.factories import EnterpriseFactory, make_member, make_station, today
from tests.reports.test_dashboard import County
from tests.world import World

ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


class Hall(County):
    """The county's day so far: 2 joins, 2 station visits, 2 check-ins (and the same things yesterday, in a
    transfer, or in another federation, none of which count)."""

    def __init__(self) -> None:
        super().__init__()
        now = timezone.now()
        yesterday = today() - dt.timedelta(days=1)
        self.joins(self.u1, 2, today())
        self.joins(self.u2, 1, yesterday)
        self.joins(self.elsewhere, 1, today())
        moved = make_member(self.u2, 900)
        Membership.objects.filter(pk=moved.pk).update(joined_on=today(), source=JoinSource.TRANSFER)
        self.station = make_station(self.u1, name="城关爱心驿站")
        far = make_station(self.elsewhere, name="泰安驿站", lat=36.2, lng=117.1)
        for n, (where, when) in enumerate(
            [(self.station, now), (self.station, now), (self.station, now - dt.timedelta(days=1)), (far, now)]
        ):
            StationVisit.objects.create(station=where, at=when, category="courier", visitor_key=f"v{n}", bucket=n)
        start = now - dt.timedelta(hours=1)
        event = make_event(self.u1, self.cadre, capacity=10, starts_at=start, ends_at=now + dt.timedelta(hours=1))
        people = [make_member(self.u1, 800 + n).person for n in range(3)]
        for person, came in zip(people, [now, now - dt.timedelta(days=1), None], strict=True):
            SignUp.objects.create(event=event, person=person, status=SignUpStatus.CONFIRMED, checked_in_at=came)
        Scan.objects.create(event=event, nonce="w", outcome=ScanOutcome.WALK_IN, scanned_at=now, scanner=self.cadre)
        # Enterprises at a warning level: red hosts the station (drawn on it), yellow has no station (drawn
        # near its region's centre), blue is not a warning, and another federation's red is not ours.
        self.red = EnterpriseFactory(union=self.u1, name="城关机械厂")
        self.station.host_enterprise = self.red
        self.station.save(update_fields=["host_enterprise"])
        self.level(self.red, self.u1, "red")
        self.level(EnterpriseFactory(union=self.u2, name="富水纺织厂"), self.u2, "yellow")
        self.level(EnterpriseFactory(union=self.u2), self.u2, "blue")
        self.level(EnterpriseFactory(union=self.elsewhere), self.elsewhere, "red")

    def level(self, enterprise: Any, org: OrgNode, level: str) -> None:
        now = timezone.now()
        EnterpriseLevel.objects.create(
            enterprise=enterprise, org=org, score=Decimal(50), level=level, level_since=now, computed_at=now
        )


@pytest.fixture
def hall(db: None) -> Hall:
    return Hall()


def test_live_counters_count_today_in_the_subtree(hall: Hall, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(6):
        counters = {c.key: c.value for c in live_counters(hall.cadre, hall.county)}
    assert counters == {"joins": 2, "visits": 2, "checkins": 2}  # a sign-up and a card-less walk-in came today
    assert {c.key: c.value for c in live_counters(hall.stranger, hall.elsewhere)} == {
        "joins": 1,
        "visits": 1,
        "checkins": 0,
    }


def test_the_map_has_unnamed_markers_and_counts_by_level(hall: Hall) -> None:
    data, legend = map_data(hall.cadre, hall.county)
    assert data["stations"] == [list(shown(33.35, 120.16))]
    levels = sorted(w["level"] for w in data["warnings"])
    assert levels == ["red", "yellow"]
    red = next(w for w in data["warnings"] if w["level"] == "red")
    assert [red["lat"], red["lng"]] == list(shown(33.35, 120.16))  # on the station it hosts
    assert set(data["warnings"][0]) == {"lat", "lng", "level"}  # nothing else: no name, no link
    assert {e.key: e.count for e in legend} == {"station": 1, "red": 1, "orange": 0, "yellow": 1}


def test_the_screen_page_and_its_poll(hall: Hall) -> None:
    client = Client()
    client.force_login(hall.cadre)
    page = client.get(reverse("reports:screen"), {"under": hall.county.code}).content.decode()
    assert "商南县总工会" in page and 'id="screen-map-data"' in page and "本年累计" in page
    assert f'hx-get="{reverse("reports:screen_live")}?under=sn-county" hx-trigger="every 60s"' in page
    assert 'data-key="joins"><div class="value">2<' in page
    assert "城关爱心驿站" not in page and "城关机械厂" not in page and "富水纺织厂" not in page  # markers only
    live = client.get(reverse("reports:screen_live"), {"under": hall.county.code}, headers={"HX-Request": "true"})
    fragment = live.content.decode()
    assert fragment.lstrip().startswith('<section class="screen-live"') and "<html" not in fragment
    assert 'data-key="visits"><div class="value">2<' in fragment


def test_outside_the_scope_the_screen_is_not_found(hall: Hall) -> None:
    client = Client()
    client.force_login(hall.stranger)
    assert client.get(reverse("reports:screen"), {"under": hall.county.code}).status_code == 404
    assert client.get(reverse("reports:screen_live"), {"under": hall.u1.code}).status_code == 404
    client.force_login(hall.u1_cadre)
    assert client.get(reverse("reports:screen"), {"under": hall.county.code}).status_code == 404


def test_no_personal_data_on_the_screen(world: World) -> None:
    """The World's members (李在册, 王待审), the hardship file's 孙困难, the expert, the need's contact, and their
    ID and phone numbers: none of it reaches the hall's screen or its poll."""
    from gonghui.members.models import Person

    people = list(Person.objects.all())
    assert len(people) >= 3
    client = Client()
    client.force_login(world.users["owner"])
    for name in ("reports:screen", "reports:screen_live"):
        text = client.get(reverse(name), {"under": world.county_a.code}).content.decode()
        for person in people:
            assert person.name not in text, person.name
        assert not ID_NUMBER.search(text) and not MOBILE.search(text)
        assert "320904198506120014" not in text and "13900000002" not in text and "王经理" not in text
        assert world.enterprise.name not in text


def test_the_screen_s_queries_do_not_grow_with_its_markers(hall: Hall) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(hall.cadre)

    def measured() -> int:
        client.get(reverse("reports:screen"), {"under": hall.county.code})  # stores this year's sheet
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("reports:screen"), {"under": hall.county.code})
        assert page.status_code == 200
        return len(queries)

    before = measured()
    for n in range(5):
        station = make_station(hall.u2, name=f"富水驿站{n}", lat=33.3 + n / 100)
        hall.level(EnterpriseFactory(union=hall.u2), hall.u2, "red")
        StationVisit.objects.create(station=station, at=timezone.now(), category="courier", visitor_key="x", bucket=n)
    data, legend = map_data(hall.cadre, hall.county)
    assert len(data["stations"]) == 6 and len(data["warnings"]) == 7
    assert {e.key: e.count for e in legend}["red"] == 6
    assert measured() == before <= 20
