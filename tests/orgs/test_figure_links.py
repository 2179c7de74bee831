"""Every figure links to a list that honours its union (issue 19: every number links to the records it counts,
in scope): each registered group's links, for union_a of the shared World, open for union_a's cadres and are
refused (404) to a sibling county's cadre, who must not get their own scope's list in its place; a child's link
(the dashboard's breakdown cell) is refused to a cadre who sees only the parent's sibling."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from gonghui.common.figures import FIGURE_GROUPS
from gonghui.reports.periods import to_date_period
from tests.factories import today
from tests.orgs.drilldown import client_of
from tests.world import World


def links(world: World) -> dict[str, str]:
    """Each distinct figure link of every group for union_a this year, with a figure it belongs to."""
    period = to_date_period(today().year)
    out: dict[str, str] = {}
    for group in FIGURE_GROUPS.values():
        for figure in group.figures(world.union_a, period) or []:
            if figure.url:
                out.setdefault(figure.url, f"{group.key}:{figure.key}")
    return out


def test_each_figures_list_is_narrowed_to_its_union_and_refused_outside(world: World) -> None:
    found = links(world)
    assert len({figure.split(":")[0] for figure in found.values()}) == len(FIGURE_GROUPS)
    owner, sibling = client_of(world.users["owner"]), client_of(world.users["sibling"])
    problems: list[str] = []
    for url, figure in sorted(found.items()):
        if f"under={world.union_a.code}" not in url:
            problems.append(f"{figure}: its link names no union: {url}")
            continue
        seen: Any = owner.get(url)
        if seen.status_code != 200:
            problems.append(f"{figure}: {url} answers {seen.status_code} to union_a's cadre")
        refused = sibling.get(url).status_code
        if refused != 404:
            problems.append(f"{figure}: {url} answers {refused} to a sibling county's cadre, not 404")
    assert not problems, "\n".join(problems)


def test_each_figures_list_refuses_days_beyond_its_bounds_with_a_reason(world: World) -> None:
    """A hand-edited link with a day no record can have (9999-12-31 has no next day; 0001-01-01 has no UTC) is
    refused with the reason by each list that reads a figure's days, and never answers 500 on any list."""
    owner = client_of(world.users["owner"])
    problems: list[str] = []
    for url, figure in sorted(links(world).items()):
        reads_days = "start=" in url or "end=" in url
        for days in ({"end": "9999-12-31"}, {"start": "0001-01-01", "end": "0001-01-02"}):
            answer = owner.get(f"{url}&{urlencode(days)}")
            said = "日期须在1900年至2100年之间" in answer.content.decode()
            if answer.status_code != 200 or (reads_days and not said):
                problems.append(f"{figure}: {url} with {days} answers {answer.status_code}, reason given: {said}")
    assert not problems, "\n".join(problems)
