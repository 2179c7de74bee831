"""The figures a user may read: every registered group, for a union in their scope and a year."""

from __future__ import annotations

from typing import Any

from gonghui.common.figures import Figure, FigureGroup, figure_groups
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import require


def figures_for(user: Any, org: OrgNode, year: int) -> list[tuple[FigureGroup, list[Figure]]]:
    """Each registered group's figures for `org`'s subtree (404 outside the user's scope)."""
    require(user, org)
    return [(group, group.compute(org, year)) for group in figure_groups()]
