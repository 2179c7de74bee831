"""Subtree roll-ups of per-node counters (member_count) on the materialized path.

Each node keeps only its direct count; a subtree's total is the sum over the
nodes whose path starts with its path. Rolling up every node at once reads each
(path, count) once and adds it to every ancestor prefix: O(nodes x depth).
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Sum

from gonghui.orgs.models import OrgNode

STEP = OrgNode.steplen


def subtree_totals(*, root: OrgNode | None = None) -> dict[int, int]:
    """{org id: members in its subtree} for every node (under root, if given)."""
    qs = OrgNode.objects.all()
    if root is not None:
        qs = qs.filter(path__startswith=root.path)
    rows = list(qs.values_list("id", "path", "member_count"))
    by_prefix: dict[str, int] = defaultdict(int)
    for _, path, count in rows:
        if count:
            for end in range(STEP, len(path) + 1, STEP):
                by_prefix[path[:end]] += count
    return {pk: by_prefix.get(path, 0) for pk, path, _ in rows}


def subtree_total(org: OrgNode) -> int:
    total = OrgNode.objects.filter(path__startswith=org.path).aggregate(n=Sum("member_count"))["n"]
    return int(total or 0)
