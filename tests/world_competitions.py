"""The competitions objects (劳动和技能竞赛) of the shared permission World (see tests/world.py).

town_a runs an electricians' competition with its 初赛 scoring: union_a entered 周参赛 and joint_a entered
吴参赛; 李在册 (the member persona, of union_a) is seated as a judge of the 初赛, so he scores 吴参赛 but must
stand aside for union_a's entrant. A second competition of town_a is still open for entries.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.skills.certification.models import Occupation
from gonghui.skills.competitions import entries, services
from gonghui.skills.competitions.choices import AdvanceRule, CompetitionKind
from gonghui.skills.competitions.models import Competition
from tests.factories import make_member

TITLE = "测试镇电工技能竞赛"
OPEN_TITLE = "测试镇安康杯知识竞赛"


def _competition(world: Any, title: str, kind: str) -> Competition:
    owner = world.users["owner"]
    start = timezone.now() + dt.timedelta(days=5)
    occupation, _created = Occupation.objects.get_or_create(code="6-31-01-03", defaults={"name": "电工"})
    competition = services.competition_create(
        actor=owner,
        org=world.town_a,
        data=services.CompetitionFields(
            title=title, kind=kind, starts_at=start, ends_at=start + dt.timedelta(hours=6), venue="镇职工之家",
            occupation=occupation, quota_per_union=3,
        ),
    )  # fmt: skip
    stage = services.stage_add(
        actor=owner, competition=competition, name="初赛", advance_rule=AdvanceRule.TOP_N, advance_n=1
    )
    services.item_add(actor=owner, stage=stage, name="理论", max_marks=Decimal(40))
    services.item_add(actor=owner, stage=stage, name="实操", max_marks=Decimal(60), practical=True)
    final = services.stage_add(actor=owner, competition=competition, name="决赛")
    services.item_add(actor=owner, stage=final, name="实操", max_marks=Decimal(100), practical=True)
    services.competition_open(actor=owner, competition=competition)
    return competition


def build_competitions(world: Any) -> SimpleNamespace:
    owner = world.users["owner"]
    competition = _competition(world, TITLE, CompetitionKind.SKILL)
    own = make_member(world.union_a, 73001, name="周参赛")
    other = make_member(world.joint_a, 73002, name="吴参赛")
    own_entry = entries.entry_create(
        actor=owner, competition=competition, org=world.union_a, member_nos=[own.member_no]
    )
    other_entry = entries.entry_create(
        actor=owner, competition=competition, org=world.joint_a, member_nos=[other.member_no]
    )
    services.competition_start(actor=owner, competition=competition)
    stage = competition.stages.get(seq=1)
    judge = services.judge_seat(actor=owner, stage=stage, person=world.member.person, role="劳动模范")
    open_one = _competition(world, OPEN_TITLE, CompetitionKind.ANKANG)
    spare = make_member(world.union_a, 73003, name="郑待报")
    return SimpleNamespace(
        competition=competition,
        stage=stage,
        judge=judge,
        own_entry=own_entry,
        other_entry=other_entry,
        open=open_one,
        open_entry=entries.entry_create(
            actor=owner, competition=open_one, org=world.union_a, member_nos=[own.member_no]
        ),
        spare=spare,
        items=list(stage.items.order_by("sort")),
    )
