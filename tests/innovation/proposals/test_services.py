"""合理化建议: routed, adopted or declined with a reason, implemented with the value saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404

from gonghui.innovation.choices import ProposalStatus
from gonghui.innovation.models import Proposal
from gonghui.innovation.proposals.services import proposal_decide, proposal_implement, proposal_route, proposal_submit
from tests.world import World


def _submit(world: World) -> Proposal:
    return proposal_submit(
        actor=world.users["owner"],
        org=world.union_a,
        enterprise=world.enterprise,
        proposer_name="王海燕",
        title="空压机余热回收用于车间供暖",
        content="空压机排出的热风直接排到室外，冬天车间又要开电暖气，建议加装余热回收。",
    )


def test_a_proposal_goes_from_submission_to_value_saved(world: World) -> None:
    owner = world.users["owner"]
    proposal = proposal_route(actor=owner, proposal=_submit(world))
    proposal = proposal_decide(actor=owner, proposal=proposal, adopt=True)
    with pytest.raises(ValidationError, match="依据"):
        proposal_implement(
            actor=owner, proposal=proposal, implemented_on=dt.date(2024, 3, 1), value_saved=Decimal("86000")
        )
    proposal = proposal_implement(
        actor=owner,
        proposal=proposal,
        implemented_on=dt.date(2024, 3, 1),
        value_saved=Decimal("86000"),
        evidence="财务核算",
    )
    assert (proposal.status, proposal.value_saved) == (ProposalStatus.IMPLEMENTED, Decimal("86000"))


def test_declining_needs_a_reason_and_value_needs_implementation(world: World) -> None:
    owner = world.users["owner"]
    proposal = _submit(world)
    with pytest.raises(ValidationError, match="原因"):
        proposal_decide(actor=owner, proposal=proposal, adopt=False)
    proposal_decide(actor=owner, proposal=proposal, adopt=False, reason="已列入明年技改计划")
    with pytest.raises(ValidationError, match="不能进行此操作"):
        proposal_implement(actor=owner, proposal=proposal, implemented_on=dt.date(2024, 3, 1), value_saved=Decimal(1))
    with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses value on an unimplemented one
        Proposal.objects.filter(pk=proposal.pk).update(value_saved=Decimal(5))


def test_an_outsider_cannot_touch_it(world: World) -> None:
    with pytest.raises(Http404):
        proposal_route(actor=world.users["sibling"], proposal=_submit(world))
