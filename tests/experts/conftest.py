"""A county desk on the shared World: experts with different specialties, places and loads; a need."""

from __future__ import annotations

from typing import Any

import pytest

from gonghui.experts.models import Expert, Need
from gonghui.experts.services import ExpertProfile, NeedText, expert_enrol, need_post
from gonghui.members.models import Person
from gonghui.members.services import person_keys
from gonghui.orgs.models import Region
from tests.members.conftest import make_id
from tests.world import World


def enrol(world: World, name: str, seq: int, specialties: list[str], *, region: str = "320904", **kw: Any) -> Expert:
    person = Person.objects.create(name=name, id_number=make_id(seq, birth="19700101"), **person_keys(name))
    profile = ExpertProfile(
        kind=kw.pop("kind", "model_worker"), specialties=specialties, region=Region.objects.get(code=region), **kw
    )
    return expert_enrol(actor=world.users["owner"], org=world.county_a, person=person, profile=profile)


@pytest.fixture
def flow_meter_need(world: World) -> Need:
    return need_post(
        actor=world.users["owner"],
        enterprise=world.enterprise,
        text=NeedText(
            category="technical",
            title="电磁流量计读数跳变",
            problem="车间冷却水管路上的电磁流量计读数频繁跳变，PLC 控制的补水泵误动作，影响生产。",
            equipment="电磁流量计、PLC",
            urgency="high",
            contact_name="王经理",
            contact_phone="13912345678",
        ),
    )
