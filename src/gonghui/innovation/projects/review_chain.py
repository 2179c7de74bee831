"""Which unions review a 五小 project, in order: its own union recommends, each federation above scores."""

from __future__ import annotations

from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode

SCORING_KINDS = frozenset({OrgKind.FED_PROVINCE, OrgKind.FED_CITY, OrgKind.FED_COUNTY})


def review_chain(org: OrgNode, call_org: OrgNode) -> list[tuple[OrgNode, bool]]:
    """[(reviewing union, scored?)] from `org` up to `call_org`; empty if `org` is outside the call's tree.

    A grassroots union only recommends (推荐); county, city and provincial federations score with the
    rubric. Town federations and sector unions in between pass projects on without a level of their own.
    """
    if not org.path.startswith(call_org.path):
        return []
    chain: list[tuple[OrgNode, bool]] = []
    if org.kind not in SCORING_KINDS:
        chain.append((org, False))
    ancestors = list(OrgNode.objects.get_ancestors(org))
    nodes = [*ancestors, org] if org.kind in SCORING_KINDS else ancestors
    for node in reversed(nodes):  # nearest first
        if node.depth < call_org.depth:
            break
        if node.kind in SCORING_KINDS:
            chain.append((node, True))
    return chain
