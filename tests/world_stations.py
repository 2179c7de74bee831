"""The stations objects of the shared permission World (see tests/world.py): a 24-hour station of union_a
with a room, a member's pending booking, a photo, a special day and a visit; a town_a title with an
application from the station, and a rating granted under a second title."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from gonghui.stations.models import Booking, BookingSlot, Rating, RatingApplication, SpecialDay, StationPhoto
from gonghui.stations.services import visit_record, visitor_key
from tests.factories import image_bytes, make_room, make_station, make_title

STATION = "测试爱心驿站"
TITLE = "测试县级示范点"
BOOKING_PURPOSE = "测试读书会"


def tomorrow_at(hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)), timezone.get_current_timezone())


def build_stations(world: Any) -> SimpleNamespace:
    station = make_station(
        world.union_a, name=STATION, is_24h=True, hours=None, contact_phone="13955556666", facilities=("water",)
    )
    room = make_room(station)
    booking = Booking.objects.create(
        room=room,
        person=world.member.person,
        starts_at=tomorrow_at(10),
        ends_at=tomorrow_at(11),
        purpose=BOOKING_PURPOSE,
    )
    BookingSlot.objects.create(booking=booking, room=room, slot_start=booking.starts_at)
    photo = StationPhoto(station=station, content_type="image/jpeg")
    photo.file.save("w.jpg", ContentFile(image_bytes()), save=True)
    special_day = SpecialDay.objects.create(
        station=station, date=timezone.localdate() + dt.timedelta(days=3), closed=True, note="测试闭馆"
    )
    visit_record(station=station, category="courier", key=visitor_key("anon", "world-visitor-0001"))
    title = make_title(world.town_a, name=TITLE)
    application = RatingApplication.objects.create(
        station=station, title=title, self_scores={"服务设施": 45, "服务成效": 40}
    )
    granted = make_title(world.town_a, name="测试星级驿站", stars=3)
    today = timezone.localdate()
    rating = Rating.objects.create(
        station=station, title=granted, valid_from=today, valid_until=today + dt.timedelta(days=365)
    )
    return SimpleNamespace(
        station=station,
        room=room,
        booking=booking,
        photo=photo,
        special_day=special_day,
        title=title,
        application=application,
        rating=rating,
    )
