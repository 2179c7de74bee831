"""What each registered figure is (ADR 0019): key, Chinese name, unit, definition (口径), its group, how it rolls
up over the tree and whether its group counts by any period — without any union's numbers.

The registry holds compute functions, not descriptions, so the catalogue is gathered by computing every group
once for a union that matches no record (an unsaved node whose path no real node starts with). It is kept per
process and per language (labels may be translated when they are built) and gathered again when the registry
changes (a module registering a group late, a test). A figure's label, unit and definition must therefore not
depend on the union or the period; `tests/reports/test_catalogue.py` holds every group to that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gonghui.common.figures import FigureGroup, figure_groups
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode


@dataclass(frozen=True)
class FigureInfo:
    key: str
    label: Any
    unit: Any
    definition: Any
    group: str
    group_title: Any
    rollup: str
    periodic: bool  # False: counted by year only, so no value for a quarter or a month


# Gathered catalogues by (language, registry): a registry change makes a new key and the old entry is dropped.
_GATHERED: dict[tuple[Any, ...], tuple[dict[str, FigureInfo], dict[str, list[str]]]] = {}


def _nowhere() -> OrgNode:
    """A union no record belongs to: its path matches no node (paths use 0-9A-Z) and its pk no row."""
    return OrgNode(pk=0, path="~", depth=1, code="catalogue", name="", kind=OrgKind.GRASSROOTS)


def _registry_key() -> tuple[Any, ...]:
    return (get_language(), tuple((g.key, g.compute, g.periodic, g.order) for g in figure_groups()))


def _gather() -> tuple[dict[str, FigureInfo], dict[str, list[str]]]:
    key = _registry_key()
    gathered = _GATHERED.get(key)
    if gathered is None:
        from gonghui.reports.periods import year_period

        nowhere, year = _nowhere(), timezone.localdate().year
        catalogue: dict[str, FigureInfo] = {}
        keys_by_group: dict[str, list[str]] = {}
        for group in figure_groups():
            figures = group.compute(nowhere, year_period(year) if group.periodic else year)
            keys_by_group[group.key] = [f.key for f in figures]
            for f in figures:
                catalogue[f.key] = FigureInfo(
                    key=f.key,
                    label=f.label,
                    unit=f.unit,
                    definition=f.definition,
                    group=group.key,
                    group_title=group.title,
                    rollup=f.rollup,
                    periodic=group.periodic,
                )
        _GATHERED.clear()
        gathered = _GATHERED[key] = (catalogue, keys_by_group)
    return gathered


def figure_catalogue() -> dict[str, FigureInfo]:
    """Every registered figure by key, in report order (the groups' order, each group's own order)."""
    return _gather()[0]


def group_figure_keys(group: FigureGroup) -> list[str]:
    """The keys a group's compute returns, in its order."""
    return _gather()[1].get(group.key, [])


def figure_info(key: str) -> FigureInfo:
    """One figure's description, or a ValidationError naming the key that does not exist."""
    info = figure_catalogue().get(key)
    if info is None:
        raise ValidationError(_("没有这个统计指标：%(key)s") % {"key": key}, code="figure_key")
    return info
