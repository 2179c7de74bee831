from __future__ import annotations

import pytest

from gonghui.common.idcard import check_char
from gonghui.members.identity import Applicant


def make_id(seq: int, birth: str = "19850612", region: str = "320904") -> str:
    first17 = f"{region}{birth}{seq % 1000:03d}"
    return first17 + check_char(first17)


@pytest.fixture
def applicant() -> Applicant:
    return Applicant(
        name="刘保柱",
        id_number=make_id(123),
        mobile="13912340001",
        employer_name="运满满平台",
        employment_form="truck_driver",
        platform="运满满",
        occupation="货车司机",
        village="草堰村",
        consent=True,
    )
