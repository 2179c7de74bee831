"""The events objects of the shared permission World (see tests/world.py).

union_a holds a published lecture with 李在册 (the member persona) signed up and a photo; town_a holds a
published team event (the staff games' badminton) with union_a's team, and a 交友 event.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from gonghui.events.choices import EventKind, EventStatus, SignUpStatus
from gonghui.events.models import Event, EventPhoto, SignUp, Team
from tests.factories import image_bytes

LECTURE = "测试工会大讲堂"


def build_events(world: Any) -> SimpleNamespace:
    start = timezone.now() + dt.timedelta(days=3)
    owner = world.users["owner"]
    common = {"starts_at": start, "ends_at": start + dt.timedelta(hours=2), "created_by": owner}
    lecture = Event.objects.create(
        org=world.union_a,
        kind=EventKind.LECTURE,
        title=LECTURE,
        address="大中街道职工之家",
        capacity=50,
        held=1,
        status=EventStatus.PUBLISHED,
        **common,
    )
    signup = SignUp.objects.create(
        event=lecture,
        person=world.member.person,
        membership=world.member,
        org=world.union_a,
        status=SignUpStatus.CONFIRMED,
    )
    photo = EventPhoto(event=lecture, caption="讲堂现场")
    photo.image.save("p.jpg", ContentFile(image_bytes()), save=True)
    games = Event.objects.create(
        org=world.town_a,
        kind=EventKind.SPORTS_ITEM,
        title="大中街道职工运动会羽毛球团体赛",
        address="大中体育馆",
        capacity=100,
        held=1,
        team_size_min=1,
        team_size_max=6,
        teams_per_union=2,
        status=EventStatus.PUBLISHED,
        **common,
    )
    team = Team.objects.create(event=games, org=world.union_a, name="测试基层一队", seq=1, created_by=owner)
    SignUp.objects.create(
        event=games,
        person=world.member.person,
        membership=world.member,
        org=world.union_a,
        team=team,
        status=SignUpStatus.CONFIRMED,
    )
    social = Event.objects.create(
        org=world.town_a,
        kind=EventKind.SOCIAL,
        title="丝路青缘测试联谊",
        address="大中街道职工之家",
        capacity=40,
        status=EventStatus.PUBLISHED,
        **common,
    )
    return SimpleNamespace(lecture=lecture, signup=signup, photo=photo, games=games, team=team, social=social)
