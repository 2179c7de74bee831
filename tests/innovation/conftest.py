"""A city's 五小 call on the shared World: rubric, panels at the county and the city, reviewers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from gonghui.innovation.models import InnovationCall, Panel, PanelSeat, Project, Rubric, RubricCriterion
from gonghui.innovation.projects.submission import Submission, project_submit
from gonghui.orgs.models import Enterprise
from tests.factories import EnterpriseFactory, UserFactory, grant
from tests.world import World


@dataclass
class Contest:
    world: World
    call: InnovationCall
    rubric: Rubric
    city: Any = None  # a 管理员 of the city federation that runs the call
    reviewers: dict[str, Any] = field(default_factory=dict)  # "county1".., "city1".., "conflicted"
    other_enterprise: Enterprise | None = None

    def submit(self, title: str = "数控机床换刀装置改进", *, org: Any = None, **overrides: Any) -> Project:
        org = org or self.world.union_a
        enterprise = overrides.pop("enterprise", self.world.enterprise if org == self.world.union_a else None)
        data = {
            "category": "innovation",
            "title": title,
            "problem": "换刀时间长，每班停机等待超过四十分钟，影响产量。",
            "solution": "改进刀库定位销和气动夹紧回路，换刀由人工改为半自动。",
            "team": ["张建国", "李志强"],
            "benefit_yuan": Decimal("120000"),
            "benefit_method": "每年节约停机 300 小时 × 400 元/小时",
            "pledge": True,
            "enterprise": enterprise,
        } | overrides
        owner = (
            self.world.users["owner"] if org.path.startswith(self.world.county_a.path) else self.world.users["sibling"]
        )
        return project_submit(actor=owner, call=self.call, org=org, submission=Submission(**data))


def rubric_for(world: World) -> Rubric:
    rubric = Rubric.objects.create(org=world.root, name="五小成果评分细则")
    for sort, (name, points) in enumerate([("创新性", 30), ("实用性", 30), ("经济效益", 25), ("推广价值", 15)]):
        RubricCriterion.objects.create(rubric=rubric, name=name, max_points=Decimal(points), sort=sort)
    return rubric


def seat(call: InnovationCall, org: Any, username: str, **kwargs: Any) -> Any:
    panel, _ = Panel.objects.get_or_create(call=call, org=org)
    user = UserFactory(username=username)
    PanelSeat.objects.create(panel=panel, user=user, **kwargs)
    return user


@pytest.fixture
def contest(world: World) -> Contest:
    today = timezone.localdate()
    rubric = rubric_for(world)
    call = InnovationCall.objects.create(
        org=world.root,
        year=today.year,
        title=f"{today.year}年度盐城市职工五小创新成果评选",
        opens_on=today - dt.timedelta(days=10),
        closes_on=today + dt.timedelta(days=10),
        rubric=rubric,
        min_reviewers=2,
        first_prizes=1,
        second_prizes=1,
        third_prizes=1,
        merit_score=Decimal(60),
        notice_days=5,
    )
    reviewers = {
        "county1": seat(call, world.county_a, "county-reviewer-1"),
        "county2": seat(call, world.county_a, "county-reviewer-2"),
        "city1": seat(call, world.root, "city-reviewer-1"),
        "city2": seat(call, world.root, "city-reviewer-2"),
        "conflicted": seat(call, world.county_a, "county-reviewer-e", enterprise=world.enterprise),
    }
    other = EnterpriseFactory(name="建湖某机械厂", union=world.union_b)
    city = grant(UserFactory(username="city-cadre"), world.root).user
    return Contest(world=world, call=call, rubric=rubric, city=city, reviewers=reviewers, other_enterprise=other)


def points(rubric: Rubric, *values: float) -> dict[str, Any]:
    return {str(c.pk): v for c, v in zip(rubric.criteria.all(), values, strict=True)}
