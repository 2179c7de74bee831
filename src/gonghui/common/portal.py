"""The worker portal's registries: what a union page offers, and what 我的 lists for a person.

Each domain registers its entries when its app is ready; the portal pages read these lists and never
import a domain. Rows carry only what the person may see of their own case: a status and a next step,
never a cadre's notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class UnionEntry:
    label: str | Promise
    hint: str | Promise
    url_name: str  # reversed with the union's code
    order: int = 100


@dataclass(frozen=True)
class MyRow:
    title: str
    status: str
    next_step: str = ""
    at: dt.datetime | dt.date | None = None
    url: str = ""


@dataclass(frozen=True)
class MySection:
    title: str | Promise
    rows: Callable[[Any], list[MyRow]]  # given the person, their own rows, newest first
    order: int = 100


@dataclass(frozen=True)
class PortalLink:
    """A link on the portal's front page and in 我的 that needs no union: 附近服务站, 活动报名 …"""

    label: str | Promise
    hint: str | Promise
    url_name: str  # reversed without arguments
    order: int = 100


UNION_ENTRIES: list[UnionEntry] = []
MY_SECTIONS: list[MySection] = []
PORTAL_LINKS: list[PortalLink] = []


def register_union_entry(entry: UnionEntry) -> None:
    if entry not in UNION_ENTRIES:
        UNION_ENTRIES.append(entry)
        UNION_ENTRIES.sort(key=lambda e: e.order)


def register_my_section(section: MySection) -> None:
    if all(s.title != section.title for s in MY_SECTIONS):
        MY_SECTIONS.append(section)
        MY_SECTIONS.sort(key=lambda s: s.order)


def register_portal_link(link: PortalLink) -> None:
    if all(existing.url_name != link.url_name for existing in PORTAL_LINKS):
        PORTAL_LINKS.append(link)
        PORTAL_LINKS.sort(key=lambda link: link.order)
