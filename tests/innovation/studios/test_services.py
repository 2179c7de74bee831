"""Studio star ratings: points per achievement, caps, the assessment's weight, thresholds, history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gonghui.innovation.models import StarRule, Studio
from gonghui.innovation.studios.services import achievement_add, rate, star_rule_set, studio_rate, studio_register
from tests.world import World

THRESHOLDS = [50, 60, 70, 80, 90]


def rule(world: World, **overrides: object) -> StarRule:
    data = {
        "points": {"patent": 10, "problem": 5, "apprentice": 2, "award": 8},
        "caps": {"apprentice": 20},
        "thresholds": THRESHOLDS,
        "assessment_weight": Decimal("0.30"),
    } | overrides
    return star_rule_set(actor=world.users["owner"], org=world.county_a, year=timezone.localdate().year, **data)


@pytest.mark.parametrize(
    ("units", "assessment", "score", "stars"),
    [
        ({"patent": 5, "problem": 4, "apprentice": 15}, 80, "87.00", 4),  # 50 + 20 + 20 (capped) = 90 → 63 + 24
        ({"patent": 10, "problem": 10}, 100, "100.00", 5),  # points capped at 100
        ({"patent": 5}, Decimal("50"), "50.00", 1),  # exactly a threshold reaches it
        ({"patent": 4, "problem": 2}, Decimal("49.9"), "49.97", 0),  # just under the first star
    ],
)
def test_rating_at_the_boundaries(world: World, units: dict, assessment: Decimal, score: str, stars: int) -> None:
    result = rate(units, rule(world), Decimal(assessment))
    assert (str(result.score), result.stars) == (score, stars)


def test_a_bad_rule_is_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="递增"):
        rule(world, thresholds=[50, 50, 70, 80, 90])
    with pytest.raises(ValidationError, match="未知的成果类型"):
        rule(world, points={"gossip": 1})


def test_each_year_is_rated_on_its_own_achievements_and_the_latest_sets_the_stars(world: World) -> None:
    year = timezone.localdate().year
    rule(world)
    star_rule_set(
        actor=world.users["owner"],
        org=world.county_a,
        year=year - 1,
        points={"patent": 10},
        caps={},
        thresholds=THRESHOLDS,
        assessment_weight=Decimal("0.3"),
    )
    studio = studio_register(
        actor=world.users["owner"],
        org=world.union_a,
        name="张建国劳模创新工作室",
        level="county",
        leader=world.member.person,
        field="数控加工",
        enterprise=world.enterprise,
    )
    owner = world.users["owner"]
    achievement_add(
        actor=owner, studio=studio, kind="patent", title="换刀装置", achieved_on=dt.date(year - 1, 6, 1), quantity=9
    )
    achievement_add(
        actor=owner, studio=studio, kind="patent", title="夹具", achieved_on=dt.date(year, 1, 5), quantity=2
    )
    last = studio_rate(actor=owner, studio=studio, year=year - 1, assessment=Decimal(90))
    now = studio_rate(actor=owner, studio=studio, year=year, assessment=Decimal(60))
    assert (last.score, last.stars) == (Decimal("90.00"), 5)  # 0.7 × 90 + 0.3 × 90
    assert (now.score, now.stars) == (Decimal("32.00"), 0)  # 0.7 × 20 + 0.3 × 60
    assert Studio.objects.get(pk=studio.pk).stars == 0
    assert studio.ratings.count() == 2
    with pytest.raises(ValidationError, match="未来年度"):
        studio_rate(actor=owner, studio=studio, year=year + 1, assessment=Decimal(60))
