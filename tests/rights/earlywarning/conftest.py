"""A city federation with a county, two grassroots unions and their enterprises; a 维权专员 at the county,
a read-only cadre at a union, and a cadre of another city."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from gonghui.rights.earlywarning.checkups import checkup_create, finding_record
from gonghui.rights.earlywarning.choices import FindingResult
from gonghui.rights.earlywarning.entries import indicator_enter
from gonghui.rights.earlywarning.models import Checkup
from tests.factories import EnterpriseFactory, UserFactory, grant, make_org


@pytest.fixture
def place(db: None) -> SimpleNamespace:
    city = make_org("枣庄市总工会", code="ew-city", region="370400")
    county = make_org("薛城区总工会", parent=city, kind=OrgKind.FED_COUNTY, code="ew-county", region="370403")
    union = make_org("枣庄锂电新能源工会", parent=county, code="ew-union", region="370403")
    other = make_org("枣庄锂源材料工会", parent=county, code="ew-other", region="370403")
    stranger = make_org("泰安市总工会", code="ew-taian", region="370900")
    rights = UserFactory(username="ew-rights", display_name="枣庄维权专员")
    grant(rights, county, Role.RIGHTS)
    reader = UserFactory(username="ew-reader")
    grant(reader, union, Role.READONLY)
    outsider = UserFactory(username="ew-outsider")
    grant(outsider, stranger)
    admin = UserFactory(username="ew-admin")
    grant(admin, city)
    return SimpleNamespace(
        city=city,
        county=county,
        union=union,
        other=other,
        stranger=stranger,
        rights=rights,
        reader=reader,
        outsider=outsider,
        admin=admin,
        firm=EnterpriseFactory(name="枣庄北方锂电新能源有限公司", union=union, region_id="370403"),
        firm2=EnterpriseFactory(name="枣庄锂源新材料科技有限公司", union=other, region_id="370403"),
        far=EnterpriseFactory(name="泰安泰山智能装备有限公司", union=stranger, region_id="370902"),
    )


@pytest.fixture
def no_cases(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The case apps' sources, replaced by what each test puts here (enterprise id -> counts)."""
    fed: dict[str, Any] = {"arrears": {}, "disputes": {}}
    from gonghui.rights.earlywarning import recompute

    monkeypatch.setattr(recompute, "arrears_by_enterprise", lambda since: fed["arrears"])
    monkeypatch.setattr(recompute, "disputes_by_enterprise", lambda since: fed["disputes"])
    return fed


def enter(p: SimpleNamespace, enterprise: Any, kind: str, value: Any, days_ago: int = 0) -> Any:
    return indicator_enter(
        actor=p.rights,
        enterprise=enterprise,
        kind=kind,
        value=Decimal(str(value)),
        as_of=timezone.localdate() - dt.timedelta(days=days_ago),
    )


def checkup_with_problems(p: SimpleNamespace, enterprise: Any, problems: int, days_ago: int = 10) -> Checkup:
    today = timezone.localdate()
    checkup = checkup_create(
        actor=p.rights, enterprise=enterprise, visited_on=today - dt.timedelta(days=days_ago), team="法律服务团 王律师"
    )
    for finding in list(checkup.findings.all())[:problems]:
        finding_record(
            actor=p.rights,
            finding=finding,
            result=FindingResult.PROBLEM,
            note="未按时足额支付加班费",
            requirement="补发加班费并完善考勤制度",
            deadline=today + dt.timedelta(days=30),
        )
    return checkup
