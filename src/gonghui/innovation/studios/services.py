"""Innovation studios: registry, achievements, the yearly star rule and ratings kept as history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.textnorm import clean_text
from gonghui.innovation.choices import AchievementKind, StudioKind, StudioLevel
from gonghui.innovation.models import StarRule, Studio, StudioAchievement, StudioRating
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Rating:
    achievement_points: Decimal
    score: Decimal
    stars: int
    breakdown: dict[str, dict[str, str]]  # kind → units, points (as text, for the JSON history)


def rate(units: dict[str, int], rule: StarRule, assessment: Decimal) -> Rating:
    """Points per unit of each achievement kind, each kind capped, the sum capped at 100; blended with the
    reviewers' assessment by the rule's weight; stars = how many thresholds the score reaches."""
    breakdown: dict[str, dict[str, str]] = {}
    total = Decimal(0)
    for kind, count in sorted(units.items()):
        points = Decimal(str(rule.points.get(kind, 0))) * count
        cap = rule.caps.get(kind)
        if cap is not None:
            points = min(points, Decimal(str(cap)))
        breakdown[kind] = {"units": str(count), "points": str(points)}
        total += points
    achievement_points = min(total, HUNDRED)
    weight = Decimal(rule.assessment_weight)
    score = ((1 - weight) * achievement_points + weight * assessment).quantize(CENT, rounding=ROUND_HALF_UP)
    stars = sum(1 for threshold in rule.thresholds if score >= Decimal(str(threshold)))
    return Rating(achievement_points.quantize(CENT), score, stars, breakdown)


def check_rule(points: dict[str, Any], caps: dict[str, Any], thresholds: list[Any], weight: Decimal) -> None:
    errors: dict[str, str] = {}
    kinds = set(AchievementKind.values)
    if set(points) - kinds or set(caps) - kinds:
        errors["points"] = _("规则中有未知的成果类型。")
    elif any(Decimal(str(v)) < 0 for v in [*points.values(), *caps.values()]):
        errors["points"] = _("分值不能为负数。")
    if len(thresholds) != 5 or any(Decimal(str(a)) >= Decimal(str(b)) for a, b in pairwise(thresholds)):
        errors["thresholds"] = _("请按一星到五星依次填写 5 个递增的最低分。")
    if not 0 <= weight <= 1:
        errors["assessment_weight"] = _("评审评价权重应在 0 到 1 之间。")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def star_rule_set(
    *,
    actor: Any,
    org: OrgNode,
    year: int,
    points: dict[str, Any],
    caps: dict[str, Any],
    thresholds: list[Any],
    assessment_weight: Decimal,
) -> StarRule:
    require(actor, org, Perm.REVIEW)
    check_rule(points, caps, thresholds, assessment_weight)
    rule, _created = StarRule.objects.update_or_create(
        org=org,
        year=year,
        defaults={"points": points, "caps": caps, "thresholds": thresholds, "assessment_weight": assessment_weight},
    )
    return rule


def rule_for(studio: Studio, year: int) -> StarRule:
    """The nearest federation's rule for the year, from the studio's union upwards."""
    paths = paths_up(studio.org.path)[::-1]  # nearest first
    rules = {r.org.path: r for r in StarRule.objects.filter(year=year, org__path__in=paths).select_related("org")}
    for path in paths:
        if path in rules:
            return rules[path]
    raise ValidationError(_("%(year)d 年还没有适用于该工作室的星级评定规则。") % {"year": year})


def achievement_units(studio: Studio, year: int) -> dict[str, int]:
    rows = (
        StudioAchievement.objects.filter(studio=studio, achieved_on__year=year)
        .values("kind")
        .annotate(n=Sum("quantity"))
    )
    return {row["kind"]: int(row["n"]) for row in rows}


@transaction.atomic
def studio_rate(*, actor: Any, studio: Studio, year: int, assessment: Decimal) -> StudioRating:
    """Rate (or re-rate) one year; the latest year's rating sets the studio's stars."""
    require(actor, studio.org, Perm.REVIEW)
    if not 0 <= assessment <= 100:
        raise ValidationError({"assessment": _("评审评价应在 0 到 100 分之间。")})
    if year > timezone.localdate().year:
        raise ValidationError({"year": _("不能评定未来年度。")})
    rule = rule_for(studio, year)
    rating = rate(achievement_units(studio, year), rule, assessment)
    record, _created = StudioRating.objects.update_or_create(
        studio=studio,
        year=year,
        defaults={
            "rule": rule,
            "achievement_points": rating.achievement_points,
            "assessment": assessment,
            "score": rating.score,
            "stars": rating.stars,
            "breakdown": rating.breakdown,
            "rated_by": actor,
        },
    )
    latest = StudioRating.objects.filter(studio=studio).order_by("-year").values_list("stars", flat=True).first()
    Studio.objects.filter(pk=studio.pk).update(stars=latest or 0)
    return record


def studio_register(
    *,
    actor: Any,
    org: OrgNode,
    name: str,
    level: str,
    leader: Person,
    field: str,
    kind: str = StudioKind.MODEL_WORKER,
    enterprise: Enterprise | None = None,
    leader_title: str = "",
    named_on: dt.date | None = None,
) -> Studio:
    require(actor, org, Perm.ORG_EDIT)
    if level not in StudioLevel.values or kind not in StudioKind.values:
        raise ValidationError(_("工作室级别或类型无效。"))
    if not clean_text(name) or not clean_text(field):
        raise ValidationError(_("请填写工作室名称和专业领域。"))
    if enterprise is not None and not enterprise.union.path.startswith(org.path):
        raise ValidationError({"enterprise": _("该企业不属于所属工会。")})
    return Studio.objects.create(
        org=org,
        name=clean_text(name),
        level=level,
        kind=kind,
        leader=leader,
        field=clean_text(field),
        enterprise=enterprise,
        leader_title=clean_text(leader_title),
        named_on=named_on,
    )


def achievement_add(
    *,
    actor: Any,
    studio: Studio,
    kind: str,
    title: str,
    achieved_on: dt.date,
    quantity: int = 1,
    value_yuan: Decimal = Decimal(0),
    evidence: str = "",
) -> StudioAchievement:
    require(actor, studio.org, Perm.ORG_EDIT)
    if kind not in AchievementKind.values:
        raise ValidationError({"kind": _("成果类型无效。")})
    if quantity < 1:
        raise ValidationError({"quantity": _("数量至少为 1。")})
    if achieved_on > timezone.localdate():
        raise ValidationError({"achieved_on": _("取得日期不能晚于今天。")})
    if value_yuan < 0:
        raise ValidationError({"value_yuan": _("金额不能为负数。")})
    return StudioAchievement.objects.create(
        studio=studio,
        kind=kind,
        title=clean_text(title),
        achieved_on=achieved_on,
        quantity=quantity,
        value_yuan=value_yuan,
        evidence=clean_text(evidence),
    )
