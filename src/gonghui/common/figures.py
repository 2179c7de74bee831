"""The figures registry: each domain's `figures.py` registers its figures at start-up; `reports` reads them.

A figure is one number a union reports for its subtree and a year ("为20多家企业解决了60多个难题"), with
its definition (what it counts, 口径) and a link to the list it counts, narrowed to the subtree, so a
cadre can check any figure against its rows. The registry lives low so that the pages listing figures
never import the domains that compute them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Protocol
from urllib.parse import urlencode

from django.urls import reverse


class Union(Protocol):
    """What a figure needs of a union: its code (for links) and its tree path (for the subtree)."""

    code: str
    path: str


@dataclass(frozen=True)
class Figure:
    key: str
    label: Any
    value: int | Decimal | float | None
    unit: Any = ""
    url: str = ""
    definition: Any = ""  # what is counted, as a report's footnote would say it (口径)


@dataclass(frozen=True)
class FigureGroup:
    key: str
    title: Any
    compute: Callable[[Any, int], list[Figure]]  # (union, year) → its figures
    order: int = 100


FIGURE_GROUPS: dict[str, FigureGroup] = {}


def register_figures(key: str, title: Any, compute: Callable[[Any, int], list[Figure]], *, order: int = 100) -> None:
    """Called from a domain's AppConfig.ready(); registering a key again replaces it (safe on reload)."""
    FIGURE_GROUPS[key] = FigureGroup(key=key, title=title, compute=compute, order=order)


def figure_groups() -> list[FigureGroup]:
    return sorted(FIGURE_GROUPS.values(), key=lambda group: (group.order, group.key))


def figure_link(name: str, org: Union, **params: Any) -> str:
    """The list a figure counts: the named page, narrowed to the union's subtree and the given filters."""
    return f"{reverse(name)}?{urlencode({'under': org.code, **{k: v for k, v in params.items() if v != ''}})}"


def with_definitions(figures: list[Figure], definitions: dict[str, Any]) -> list[Figure]:
    """The figures, each with its definition: by its key, or by the key of its series (honors_city and
    studios_5_stars read those of honors and studios)."""
    out = []
    for figure in figures:
        key = figure.key
        while key not in definitions and "_" in key:
            key = key.rsplit("_", 1)[0]
        out.append(replace(figure, definition=definitions.get(key, "")))
    return out


def share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
