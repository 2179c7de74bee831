"""Test helpers of the competitions app: an electricians' competition of the Tree's county, opened, with a
初赛 (top N) and a 决赛, each with a 理论/实操 sheet, entrants in the two grassroots unions and a judge."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.models import Occupation
from gonghui.skills.competitions import entries, services
from gonghui.skills.competitions.choices import AdvanceRule, CompetitionKind, EntryMode
from gonghui.skills.competitions.models import Competition, Entry, Judge, Stage
from tests.factories import make_member


def electrician() -> Occupation:
    occupation, _created = Occupation.objects.get_or_create(code="6-31-01-03", defaults={"name": "电工"})
    return occupation


def make_competition(
    org: OrgNode,
    actor: Any,
    *,
    open_it: bool = True,
    mode: str = EntryMode.INDIVIDUAL,
    top_n: int | None = 2,
    line: Decimal | None = None,
    scores_needed: int = 1,
    timed: bool = False,
    blind: bool = False,
    **fields: Any,
) -> Competition:
    start = timezone.now() + dt.timedelta(days=10)
    data = services.CompetitionFields(
        title=fields.pop("title", "测试县电工职业技能竞赛"),
        kind=fields.pop("kind", CompetitionKind.SKILL),
        starts_at=start,
        ends_at=start + dt.timedelta(hours=8),
        venue="县职工之家实训室",
        entry_mode=mode,
        occupation=fields.pop("occupation", electrician()),
        team_size_min=2 if mode == EntryMode.TEAM else 0,
        team_size_max=3 if mode == EntryMode.TEAM else 0,
        **fields,
    )
    competition = services.competition_create(actor=actor, org=org, data=data)
    rule = AdvanceRule.SCORE_LINE if line is not None else AdvanceRule.TOP_N if top_n else AdvanceRule.FINAL
    first = services.stage_add(
        actor=actor, competition=competition, name="初赛", advance_rule=rule, advance_n=top_n, advance_line=line,
        scores_needed=scores_needed, timed=timed, blind=blind,
    )  # fmt: skip
    sheet(first, actor)
    if rule != AdvanceRule.FINAL:
        sheet(services.stage_add(actor=actor, competition=competition, name="决赛"), actor)
    if open_it:
        services.competition_open(actor=actor, competition=competition)
    competition.refresh_from_db()
    return competition


def sheet(stage: Stage, actor: Any) -> None:
    services.item_add(actor=actor, stage=stage, name="理论", max_marks=Decimal(100), weight=Decimal("0.3"))
    services.item_add(
        actor=actor, stage=stage, name="实操", max_marks=Decimal(100), weight=Decimal("0.7"), practical=True
    )


def marks(stage: Stage, theory: Any, practice: Any) -> dict[str, str]:
    items = list(stage.items.order_by("sort"))
    return {str(items[0].pk): str(theory), str(items[1].pk): str(practice)}


def enter(competition: Competition, actor: Any, *members: Membership, team: str = "") -> Entry:
    org = members[0].org
    return entries.entry_create(
        actor=actor, competition=competition, org=org, member_nos=[m.member_no for m in members], team_name=team
    )


def entrants(org: OrgNode, first_seq: int, n: int) -> list[Membership]:
    people = [make_member(org, first_seq + i) for i in range(n)]
    for m in people:
        m.occupation = "电工"
        m.save(update_fields=["occupation"])
    return people


def seat(stage: Stage, actor: Any, membership: Membership) -> Judge:
    return services.judge_seat(actor=actor, stage=stage, person=membership.person, role="高级技师")


def first_stage(competition: Competition) -> Stage:
    return competition.stages.get(seq=1)
