"""The mentoring objects (名师带徒) of the shared permission World (see tests/world.py).

town_a keeps two mentors: 李在册 (the member persona, so his 我的 shows the pair he teaches in) and 吴名师
(the lists' marker; the API pairs 李在册 with him as an apprentice). union_a's pair: 李在册 teaches 郑学徒
(people made here have no membership, so union_a's roster stays as it is), with one open milestone.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.members.models import Person
from gonghui.members.services import person_keys
from gonghui.skills.mentoring.choices import MentorKind, PairMode
from gonghui.skills.mentoring.models import Mentor, Milestone, Pair

MARKER_MENTOR = "吴名师"
PENDING_ID = "11010519491231002X"  # 王待审, union_a's pending applicant (tests/world.py)


def _person(name: str, id_number: str, mobile: str) -> Person:
    return Person.objects.create(name=name, id_number=id_number, mobile=mobile, **person_keys(name))


def build_mentoring(world: Any) -> SimpleNamespace:
    owner = world.users["owner"]
    teacher = Mentor.objects.create(
        org=world.town_a, person=world.member.person, kind=MentorKind.TECHNICIAN, title="高级技师", created_by=owner
    )
    marker = Mentor.objects.create(
        org=world.town_a,
        person=_person(MARKER_MENTOR, "320904197001010036", "13900000201"),
        kind=MentorKind.MODEL_WORKER,
        title="大丰区劳动模范",
        created_by=owner,
    )
    today = timezone.localdate()
    pair = Pair.objects.create(
        org=world.union_a,
        mentor=teacher,
        apprentice=_person("郑学徒", "320904200001010033", "13900000202"),
        mode=PairMode.ENTERPRISE,
        starts_on=today - dt.timedelta(days=60),
        ends_on=today + dt.timedelta(days=300),
        goals="一年内独立完成数控车床编程加工",
        created_by=owner,
    )
    Mentor.objects.filter(pk=teacher.pk).update(active_count=1)
    milestone = Milestone.objects.create(pair=pair, title="独立完成典型零件", due_on=today + dt.timedelta(days=30))
    return SimpleNamespace(teacher=teacher, marker=marker, pair=pair, milestone=milestone)
