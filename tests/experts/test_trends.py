"""劳模工匠助企行's monthly trend: needs confirmed solved, by the month they were closed."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from gonghui.common.figures import TRENDS
from gonghui.experts.choices import NeedStatus
from gonghui.experts.models import Need
from gonghui.experts.trends import solved_by_month
from tests.factories import EnterpriseFactory, Tree, today


def local(year: int, month: int, day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 9))


def test_needs_solved_by_month_closed(tree: Tree, django_assert_num_queries: object) -> None:
    year = today().year - 1
    enterprise = EnterpriseFactory(union=tree.union)

    def need(org: object, status: str, closed: dt.datetime | None, reason: str = "") -> None:
        Need.objects.create(
            org=org, enterprise=enterprise, category="technical", title="测试需求", problem="读数跳变",
            channel="cadre", contact_name="王经理", contact_phone="13912345678", due_on=today(),
            status=status, closed_at=closed, close_reason=reason,
        )  # fmt: skip

    need(tree.union, NeedStatus.RESOLVED, local(year, 2, 1))
    need(tree.other, NeedStatus.RESOLVED, local(year, 2, 28))
    need(tree.union, NeedStatus.RESOLVED, local(year, 9, 9))
    need(tree.union, NeedStatus.UNRESOLVED, local(year, 9, 9), reason="企业放弃")  # closed, not solved
    need(tree.union, NeedStatus.DISPATCHED, None)
    need(tree.stranger, NeedStatus.RESOLVED, local(year, 2, 1))  # another federation
    with django_assert_num_queries(1):  # type: ignore[operator]
        county = solved_by_month(tree.county, year)
    assert county == {2: 2, 9: 1}
    assert solved_by_month(tree.union, year) == {2: 1, 9: 1}
    assert TRENDS["needs_solved"].compute is solved_by_month
