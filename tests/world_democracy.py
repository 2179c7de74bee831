"""The democracy objects (职代会和厂务公开) of the shared permission World (see tests/world.py).

The World's enterprise (union_a) has a 第1届 of three representatives (李在册 among them), a session that
adopted its collective contract draft, a proposal from it, and a 厂务公开 item (the list pages' marker).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from gonghui.rights.democracy.models import Disclosure, Proposal, Representative, Resolution, Session
from tests.factories import make_member

HELD = dt.date(2024, 5, 10)
DISCLOSED_TITLE = "测试厂务公开：年度工资调整方案"
PROPOSAL_TITLE = "测试提案：车间增设休息室"


def build_democracy(world: Any) -> SimpleNamespace:
    owner, enterprise = world.users["owner"], world.enterprise
    memberships = [world.member, make_member(world.union_a, 9101), make_member(world.union_a, 9102)]
    make_member(world.union_a, 9103)  # not yet a representative: the API adds them
    reps = [
        Representative.objects.create(
            enterprise=enterprise,
            term=1,
            membership=m,
            elected_on=HELD,
            industrial=True,
            frontline=True,
            created_by=owner,
        )
        for m in memberships
    ]
    session = Session.objects.create(
        enterprise=enterprise, term=1, number=1, held_on=HELD, seats=3, attended=3, created_by=owner
    )
    resolution = Resolution.objects.create(
        session=session, subject="contract", title="审议测试集体合同草案", votes_for=3, adopted=True
    )
    proposal = Proposal.objects.create(session=session, title=PROPOSAL_TITLE, by=reps[0])
    disclosure = Disclosure.objects.create(
        enterprise=enterprise,
        topic="wages",
        title=DISCLOSED_TITLE,
        disclosed_on=HELD,
        channel="board",
        created_by=owner,
    )
    return SimpleNamespace(
        rep=reps[1], session=session, resolution=resolution, proposal=proposal, disclosure=disclosure, spare=9103
    )
