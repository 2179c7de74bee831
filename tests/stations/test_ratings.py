"""Ratings: titles with their criteria sheet, application → review → rating, the history and the current
rating by date, validity and revocation, and who may review."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from gonghui.orgs.roles import Role
from gonghui.stations import services
from gonghui.stations.choices import ApplicationStatus
from gonghui.stations.models import Rating, RatingApplication
from gonghui.stations.selectors import current_ratings
from tests.factories import UserFactory, grant
from tests.world import World

SCORES = {"服务设施": 45, "服务成效": 40}


def title(world: World, **kw: Any) -> Any:
    return services.rating_title_create(
        actor=world.users["owner"],
        org=world.county_a,
        level=kw.pop("level", "county"),
        name=kw.pop("name", "大丰区五星户外劳动者服务站"),
        stars=kw.pop("stars", 5),
        criteria=services.parse_criteria("服务设施 50\n服务成效：50分"),
        pass_points=kw.pop("pass_points", 80),
        valid_months=kw.pop("valid_months", 12),
    )


def rated(world: World, station: Any, on: dt.date) -> Rating:
    owner = world.users["owner"]
    application = services.rating_apply(actor=owner, station=station, title=title(world), self_scores=SCORES)
    services.rating_review(actor=owner, application=application, scores=SCORES)
    rating = services.rating_decide(actor=owner, application=application, grant=True, valid_from=on)
    assert rating is not None
    return rating


def test_criteria_sheet_parsing() -> None:
    assert services.parse_criteria("服务设施 30\n\n服务内容：40分\n管理制度 30") == [
        {"item": "服务设施", "max": 30},
        {"item": "服务内容", "max": 40},
        {"item": "管理制度", "max": 30},
    ]
    for bad, says in [("", "至少"), ("服务设施", "第 1 行"), ("甲 10\n甲 20", "重复"), ("甲 0", "大于 0")]:
        with pytest.raises(ValidationError) as caught:
            services.parse_criteria(bad)
        assert says in caught.value.messages[0]


def test_apply_review_rate_and_the_validity(world: World, station: Any) -> None:
    start = dt.date(2025, 5, 1)
    rating = rated(world, station, start)
    assert rating.valid_until == dt.date(2026, 4, 30)
    application = RatingApplication.objects.get(pk=rating.application_id)
    assert application.status == ApplicationStatus.RATED and application.review_total == 85
    names = lambda on: [r.title.name for r in current_ratings([station], on).get(station.pk, [])]  # noqa: E731
    assert "大丰区五星户外劳动者服务站" in names(dt.date(2025, 5, 1))
    assert "大丰区五星户外劳动者服务站" in names(dt.date(2026, 4, 30))
    assert "大丰区五星户外劳动者服务站" not in names(dt.date(2026, 5, 1))  # expired
    assert "大丰区五星户外劳动者服务站" not in names(dt.date(2025, 4, 30))  # not yet


def test_revocation_keeps_the_history(world: World, station: Any) -> None:
    rating = rated(world, station, timezone.localdate() - dt.timedelta(days=30))
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    services.rating_revoke(actor=world.users["owner"], rating=rating, reason="暗访发现长期不开放")
    rating.refresh_from_db()
    assert rating.revoked_on == timezone.localdate()
    assert rating in [r for r in current_ratings([station], yesterday)[station.pk]]  # before the revocation
    assert rating not in current_ratings([station]).get(station.pk, [])
    assert Rating.objects.filter(pk=rating.pk).exists()
    with pytest.raises(ValidationError, match="已于"):
        services.rating_revoke(actor=world.users["owner"], rating=rating, reason="再次")


def test_best_rating_first(world: World, station: Any) -> None:
    rated(world, station, timezone.localdate())
    ratings = current_ratings([station])[station.pk]
    assert [r.title.stars for r in ratings][:2] == [5, 3]  # the World's 3-star title comes second


def test_bad_scores_and_duplicates_are_refused(world: World, station: Any) -> None:
    owner = world.users["owner"]
    t = title(world)
    for scores, says in [
        ({"服务设施": 60, "服务成效": 40}, "0–50"),
        ({"服务设施": 40}, "请为“服务成效”打分"),
        ({**SCORES, "卫生": 5}, "没有“卫生”"),
    ]:
        with pytest.raises(ValidationError) as caught:
            services.rating_apply(actor=owner, station=station, title=t, self_scores=scores)
        assert says in caught.value.messages[0]
    services.rating_apply(actor=owner, station=station, title=t, self_scores=SCORES)
    with pytest.raises(ValidationError, match="正在评审"):
        services.rating_apply(actor=owner, station=station, title=t, self_scores=SCORES)
    assert RatingApplication.objects.filter(title=t).count() == 1


def test_below_pass_points_cannot_be_granted(world: World, station: Any) -> None:
    owner = world.users["owner"]
    application = services.rating_apply(actor=owner, station=station, title=title(world), self_scores=SCORES)
    services.rating_review(actor=owner, application=application, scores={"服务设施": 30, "服务成效": 30})
    with pytest.raises(ValidationError, match="低于达标分"):
        services.rating_decide(actor=owner, application=application, grant=True)
    with pytest.raises(ValidationError, match="说明原因"):
        services.rating_decide(actor=owner, application=application, grant=False)
    services.rating_decide(actor=owner, application=application, grant=False, note="得分不足")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED and not Rating.objects.filter(application=application)


def test_who_may_review(world: World, station: Any) -> None:
    """The title's union reviews with Perm.REVIEW; the station's own union (below it) may not; others 404."""
    application = services.rating_apply(
        actor=world.users["owner"], station=station, title=title(world), self_scores=SCORES
    )
    union_cadre = UserFactory(username="union-a-admin")
    grant(union_cadre, world.union_a)  # admin of the station's union, below the rating union
    readonly = UserFactory(username="county-readonly")
    grant(readonly, world.county_a, Role.READONLY)
    reviewer = UserFactory(username="county-reviewer")
    grant(reviewer, world.county_a, Role.REVIEWER)
    with pytest.raises(Http404):
        services.rating_review(actor=union_cadre, application=application, scores=SCORES)
    with pytest.raises(PermissionDenied):
        services.rating_review(actor=readonly, application=application, scores=SCORES)
    with pytest.raises(Http404):
        services.rating_review(actor=world.users["sibling"], application=application, scores=SCORES)
    services.rating_review(actor=reviewer, application=application, scores=SCORES)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REVIEWED and application.reviewed_by == reviewer


def test_a_title_of_another_subtree_cannot_be_applied_for(world: World, station: Any) -> None:
    other = services.rating_title_create(
        actor=world.users["sibling"],
        org=world.county_b,
        level="county",
        name="建湖县示范点",
        criteria=[{"item": "服务设施", "max": 100}],
    )
    with pytest.raises(ValidationError, match="不在其范围内"):
        services.rating_apply(actor=world.users["owner"], station=station, title=other, self_scores={"服务设施": 90})
