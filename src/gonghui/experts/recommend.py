"""Ranking experts for a need ("点将"): specialty, text match, industry, distance, load — each with its reason.

Points: each of the expert's specialty tags found in the need's text +3 (at most three tags count);
bigrams shared between the need and the expert's specialties and bio, up to +4; the enterprise's
industry +2; the same county +2 or the same city +1; minus up to 3 for how full the expert's hands are.
Experts who are unavailable or already at their limit are not offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from gonghui.common.search_keys import to_simplified
from gonghui.experts.models import Expert, Need
from gonghui.innovation.similarity import bigrams

TAG_POINTS, MAX_TAGS = 3.0, 3
TEXT_POINTS_PER_GRAM, MAX_TEXT_POINTS = 0.25, 4.0
INDUSTRY_POINTS, COUNTY_POINTS, CITY_POINTS = 2.0, 2.0, 1.0
LOAD_PENALTY = 3.0


@dataclass(frozen=True)
class Recommendation:
    expert_id: int
    score: float
    reasons: list[str]


def expert_grams(specialties: list[str], bio: str) -> list[str]:
    """What Expert.grams holds: the bigrams of the tags and the bio."""
    return sorted(bigrams(" ".join([*specialties, bio])))


def need_text(need: Need) -> str:
    return f"{need.title} {need.problem} {need.equipment}"


def _score(
    row: tuple[int, list[str], list[str], str, str, int, int], text: str, grams: set[str], need: Need
) -> Recommendation:
    pk, tags, expert_grams_, industry, region, load, limit = row
    points, reasons = 0.0, []
    matched = [tag for tag in tags if tag and to_simplified(tag).lower() in text][:MAX_TAGS]
    if matched:
        points += TAG_POINTS * len(matched)
        reasons.append(_("专长“%(tags)s”与需求相符") % {"tags": "、".join(matched)})
    shared = len(grams.intersection(expert_grams_))
    if shared:
        points += min(MAX_TEXT_POINTS, TEXT_POINTS_PER_GRAM * shared)
        reasons.append(_("简介与问题描述有 %(n)d 处相近表述") % {"n": shared})
    enterprise = need.enterprise
    if industry and industry == enterprise.industry:
        points += INDUSTRY_POINTS
        reasons.append(_("熟悉%(industry)s") % {"industry": enterprise.get_industry_display()[2:]})
    if region == enterprise.region_id:
        points += COUNTY_POINTS
        reasons.append(_("与企业同在一个县区"))
    elif region[:4] == enterprise.region_id[:4]:
        points += CITY_POINTS
        reasons.append(_("与企业同在一个市"))
    if load:
        points -= LOAD_PENALTY * load / limit
        reasons.append(_("当前在服务 %(n)d 项（上限 %(max)d）") % {"n": load, "max": limit})
    return Recommendation(pk, round(points, 2), reasons)


def recommend(need: Need, pool: list[int] | None = None, *, limit: int = 10) -> list[Recommendation]:
    """The best experts for `need` from the pools with ids in `pool` (default: the need's union and above)."""
    if pool is None:
        path = need.org.path
        experts = Expert.objects.filter(org__path__in=[path[:n] for n in range(4, len(path) + 1, 4)])
    else:
        experts = Expert.objects.filter(org_id__in=pool)
    rows = experts.filter(available=True).values_list(
        "pk", "specialties", "grams", "industry", "region_id", "active_load", "max_load"
    )
    text = to_simplified(need_text(need)).lower()
    grams = set(bigrams(text))
    ranked = [_score(row, text, grams, need) for row in rows.iterator(chunk_size=2000) if row[5] < row[6]]
    ranked.sort(key=lambda r: (-r.score, r.expert_id))
    return ranked[:limit]
