"""Ranking experts for a need ("点将"): specialty, text match, industry, distance, load — each with its reason.

Points: each of the expert's specialty tags found in the need's text +3 (at most three tags count);
bigrams shared between the need and the expert's specialties and bio, up to +4; the enterprise's
industry +2; the same county +2 or the same city +1; minus up to 3 for how full the expert's hands are.
Experts who are unavailable or already at their limit are not offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from gonghui.common.bigrams import bigrams
from gonghui.common.search_keys import to_simplified
from gonghui.experts.models import Expert, Need
from gonghui.orgs.models import paths_up

TAG_POINTS, MAX_TAGS = 3.0, 3
TEXT_POINTS_PER_GRAM, MAX_TEXT_POINTS = 0.25, 4.0
INDUSTRY_POINTS, COUNTY_POINTS, CITY_POINTS = 2.0, 2.0, 1.0
LOAD_PENALTY = 3.0


@dataclass(frozen=True)
class Recommendation:
    expert_id: int
    score: float
    reasons: list[str]


def expert_grams(specialties: list[str], bio: str) -> str:
    """What Expert.grams holds: the bigrams of the tags and the bio, space-separated."""
    return " ".join(sorted(bigrams(" ".join([*specialties, bio]))))


def need_text(need: Need) -> str:
    return f"{need.title} {need.problem} {need.equipment}"


Row = tuple[int, str, str, str, str, int, int]  # pk, tags (one per line), grams, industry, region, load, limit


@dataclass(frozen=True)
class _Need:
    text: str  # simplified, lower case
    grams: frozenset[str]
    industry: str
    region: str


def _parts(row: Row, need: _Need) -> tuple[list[str], int, bool, int, float]:
    """(matched tags, shared bigrams, same industry, closeness 2/1/0, load share)."""
    _pk, tags, grams, industry, region, load, limit = row
    matched = [tag for tag in tags.split("\n") if tag and tag.lower() in need.text][:MAX_TAGS]
    shared = len(need.grams.intersection(grams.split())) if grams else 0
    closeness = 2 if region == need.region else 1 if region[:4] == need.region[:4] else 0
    return matched, shared, bool(industry) and industry == need.industry, closeness, load / limit


def _points(parts: tuple[list[str], int, bool, int, float]) -> float:
    matched, shared, same_industry, closeness, load = parts
    points = TAG_POINTS * len(matched) + min(MAX_TEXT_POINTS, TEXT_POINTS_PER_GRAM * shared)
    points += INDUSTRY_POINTS * same_industry + (COUNTY_POINTS if closeness == 2 else CITY_POINTS * closeness)
    return round(points - LOAD_PENALTY * load, 2)


def _reasons(row: Row, parts: tuple[list[str], int, bool, int, float], need: Need) -> list[str]:
    matched, shared, same_industry, closeness, _load = parts
    reasons = []
    if matched:
        reasons.append(_("专长“%(tags)s”与需求相符") % {"tags": "、".join(matched)})
    if shared:
        reasons.append(_("简介与问题描述有 %(n)d 处相近表述") % {"n": shared})
    if same_industry:
        reasons.append(_("熟悉%(industry)s") % {"industry": need.enterprise.get_industry_display()[2:]})
    if closeness:
        reasons.append(_("与企业同在一个县区") if closeness == 2 else _("与企业同在一个市"))
    if row[5]:
        reasons.append(_("当前在服务 %(n)d 项（上限 %(max)d）") % {"n": row[5], "max": row[6]})
    return reasons


_FIELDS = ("pk", "tag_text", "grams", "industry", "region_id", "active_load", "max_load")


def _target(need: Need) -> _Need:
    text = to_simplified(need_text(need)).lower()
    return _Need(text, frozenset(bigrams(text)), need.enterprise.industry, need.enterprise.region_id)


def recommend(need: Need, *, limit: int = 10) -> list[Recommendation]:
    """The best experts for `need` from the pools of its union and the unions above.

    Every expert is scored with plain arithmetic; only the top `limit` get their reasons written out.
    """
    # A plain fetch of text and numbers: a server-side cursor or JSON columns would cost more than the ranking.
    rows = Expert.objects.filter(org__path__in=paths_up(need.org.path), available=True).values_list(*_FIELDS)
    target = _target(need)
    scored = [(-_points(_parts(row, target)), row[0], row) for row in rows if row[5] < row[6]]  # not at their limit
    scored.sort(key=lambda item: (item[0], item[1]))
    return [Recommendation(row[0], -neg, _reasons(row, _parts(row, target), need)) for neg, _pk, row in scored[:limit]]


def explain(need: Need, expert: Expert) -> list[str]:
    """Why `expert` suits `need`, as the ranking would say it (kept with a dispatch)."""
    row: Row = (
        expert.pk,
        expert.tag_text,
        expert.grams,
        expert.industry,
        expert.region_id,
        expert.active_load,
        expert.max_load,
    )
    return _reasons(row, _parts(row, _target(need)), need)
