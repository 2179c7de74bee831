"""The certification objects (技能等级认定) of the shared permission World (see tests/world.py).

The World's enterprise (union_a) is a pilot designated by town_a, licensed for 装配钳工 五级 to 三级, with
a pay-grade table; its batch (the list pages' marker) has one worker certified 三级. A second member of
union_a, not yet assessed, is the row the entry cases post, and a second enterprise of union_a waits to be
designated. 装配钳工, not 电工, so the competitions' checks on 李在册's 电工 level see none.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from gonghui.skills.certification import batches, pilots
from gonghui.skills.certification.occupations import occupation_ensure
from gonghui.skills.certification.results import results_record
from tests.factories import EnterpriseFactory, id_number, make_member

BATCH = "测试认定批次：装配钳工三级"
AUTHORITY = "大丰区人力资源和社会保障局"
FITTER = "6-20-01-01"
CERTIFIED, WAITING = 7701, 7702  # id_number() sequences of the two members


def entry_row(world: Any) -> dict[str, Any]:
    return {"name": "钱待认定", "id_number": id_number(WAITING), "theory": "80", "practical": "85"}


def build_certification(world: Any) -> SimpleNamespace:
    owner = world.users["owner"]
    occupation = occupation_ensure(code=FITTER, name="装配钳工")
    pilot = pilots.pilot_designate(
        actor=owner, enterprise=world.enterprise, by=world.town_a, designated_on=dt.date(2024, 1, 1)
    )
    licence = pilots.licence_add(
        actor=owner,
        pilot=pilot,
        data=pilots.LicenceFields(
            occupation=occupation,
            lowest="5",
            highest="3",
            valid_from=dt.date(2024, 1, 1),
            valid_until=dt.date(2030, 12, 31),
            authority=AUTHORITY,
        ),
    )
    pilots.pay_grade_set(actor=owner, pilot=pilot, level="3", grade="技能三档", allowance=Decimal(400))
    batch = batches.batch_create(
        actor=owner,
        pilot=pilot,
        data=batches.BatchFields(
            name=BATCH,
            occupation=occupation,
            levels=["3"],
            starts_on=dt.date(2024, 5, 10),
            ends_on=dt.date(2024, 5, 20),
            assessors="陈建华、林海波",
        ),
    )
    certified = make_member(world.union_a, CERTIFIED, name="赵已认定")
    waiting = make_member(world.union_a, WAITING, name="钱待认定")
    row = {"name": "赵已认定", "id_number": id_number(CERTIFIED), "theory": 90, "practical": 92}
    results_record(actor=owner, batch=batch, rows=[(2, row)])
    candidate_enterprise = EnterpriseFactory(
        name="大丰候选电器有限公司", union=world.union_a, contact_phone="13912340066"
    )
    return SimpleNamespace(
        occupation=occupation,
        pilot=pilot,
        licence=licence,
        batch=batch,
        certified=certified,
        waiting=waiting,
        candidate_enterprise=candidate_enterprise,
    )
