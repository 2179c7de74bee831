"""Factories of the mentoring tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.skills.mentoring.choices import MentorKind
from gonghui.skills.mentoring.models import Mentor
from gonghui.skills.mentoring.services import PairFields


def make_mentor(org: OrgNode, person: Person, by: Any, *, most: int = 3) -> Mentor:
    return Mentor.objects.create(
        org=org, person=person, kind=MentorKind.CRAFTSMAN, title="县级工匠", max_apprentices=most, created_by=by
    )


def pair_fields(**overrides: Any) -> PairFields:
    today = timezone.localdate()
    values: dict[str, Any] = {
        "starts_on": today - dt.timedelta(days=30),
        "ends_on": today + dt.timedelta(days=335),
        "goals": "一年内掌握数控编程，考取车工四级。",
    }
    values.update(overrides)
    return PairFields(**values)
