"""Kinds of union bodies and which kind may sit under which."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    FED_PROVINCE = "fed_province", _("省总工会")
    FED_CITY = "fed_city", _("市总工会")
    FED_COUNTY = "fed_county", _("县(市、区)总工会")
    TOWN = "town", _("乡镇(街道)总工会")
    INDUSTRY = "industry", _("产业工会")
    SECTOR_FED = "sector_fed", _("行业工会联合会")
    JOINT = "joint", _("区域性/联合基层工会")
    GRASSROOTS = "grassroots", _("基层工会")
    GROUP = "group", _("工会小组")


K = OrgKind
ROOT_KINDS = frozenset({K.FED_PROVINCE, K.FED_CITY, K.FED_COUNTY})
FEDERATIONS = frozenset({K.FED_PROVINCE, K.FED_CITY, K.FED_COUNTY, K.TOWN, K.INDUSTRY, K.SECTOR_FED})
ALLOWED_PARENTS: dict[str, frozenset[str]] = {
    K.FED_PROVINCE: frozenset(),
    K.FED_CITY: frozenset({K.FED_PROVINCE}),
    K.FED_COUNTY: frozenset({K.FED_PROVINCE, K.FED_CITY}),
    K.TOWN: frozenset({K.FED_CITY, K.FED_COUNTY}),
    K.INDUSTRY: frozenset({K.FED_PROVINCE, K.FED_CITY, K.FED_COUNTY}),
    K.SECTOR_FED: frozenset({K.FED_CITY, K.FED_COUNTY, K.TOWN, K.INDUSTRY}),
    K.JOINT: frozenset({K.FED_CITY, K.FED_COUNTY, K.TOWN, K.INDUSTRY, K.SECTOR_FED}),
    K.GRASSROOTS: frozenset({K.FED_CITY, K.FED_COUNTY, K.TOWN, K.INDUSTRY, K.SECTOR_FED, K.JOINT}),
    K.GROUP: frozenset({K.GRASSROOTS, K.JOINT}),
}
# Bodies registered with their own 统一社会信用代码 as a union (81...).
NEEDS_UNION_USCC = frozenset({K.GRASSROOTS, K.JOINT})


def may_sit_under(kind: str, parent_kind: str | None) -> bool:
    if parent_kind is None:
        return kind in ROOT_KINDS
    return parent_kind in ALLOWED_PARENTS[kind]


def child_kinds(parent_kind: str) -> list[OrgKind]:
    return [k for k in OrgKind if parent_kind in ALLOWED_PARENTS[k]]
