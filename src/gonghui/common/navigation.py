"""The workbench's navigation registry: each domain registers its pages when its app is ready.

The workbench draws what is registered (filtered by the user's roles) and never imports a domain, so a
new module adds its menu entries in its own `nav.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise

VIEW = "view"


@dataclass(frozen=True)
class NavItem:
    module: str | Promise  # the heading it is listed under
    label: str | Promise
    url_name: str
    perm: str | None = VIEW  # a role permission (orgs.roles.Perm); None: any signed-in staff (e.g. a reviewer)
    order: int = 100  # headings and their entries are listed by it


NAV: dict[str, NavItem] = {}


def register_nav(*items: NavItem) -> None:
    """Called from an AppConfig.ready(); an entry registered again (same url_name) replaces the first."""
    for item in items:
        NAV[item.url_name] = item


def nav_items() -> list[NavItem]:
    return sorted(NAV.values(), key=lambda item: item.order)
