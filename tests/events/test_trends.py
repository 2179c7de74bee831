"""活动's monthly trend: check-ins at the subtree's events by month, the attendance figure's people."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from gonghui.common.figures import TRENDS
from gonghui.events.choices import ScanOutcome, SignUpStatus
from gonghui.events.models import Scan, SignUp
from gonghui.events.trends import checkins_by_month
from tests.events.conftest import make_event
from tests.factories import Tree, make_member, today


def local(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def test_check_ins_and_anonymous_walk_ins_by_month(tree: Tree, django_assert_num_queries: object) -> None:
    year = today().year - 1
    start = local(year, 5, 1)
    end = start + dt.timedelta(hours=2)
    event = make_event(tree.union, tree.cadre, capacity=10, starts_at=start, ends_at=end)
    cancelled = make_event(tree.union, tree.cadre, status="cancelled", starts_at=start, ends_at=end)
    elsewhere = make_event(tree.stranger, tree.outsider, starts_at=start, ends_at=end)
    members = [make_member(tree.union, n) for n in range(1, 6)]

    def signup(on: object, n: int, checked: dt.datetime | None) -> SignUp:
        return SignUp.objects.create(
            event=on, person=members[n].person, status=SignUpStatus.CONFIRMED, checked_in_at=checked
        )

    signup(event, 0, local(year, 5, 1))
    signup(event, 1, local(year, 5, 1))
    signup(event, 2, None)  # signed up, never came
    signup(event, 3, local(year, 6, 3))
    signup(cancelled, 4, local(year, 5, 1))  # a cancelled event's door does not count
    signup(elsewhere, 0, local(year, 5, 1))  # another federation's event
    for nonce, outcome, on in (("a", ScanOutcome.WALK_IN, event), ("b", ScanOutcome.REFUSED, event),
                               ("c", ScanOutcome.WALK_IN, elsewhere)):  # fmt: skip
        Scan.objects.create(event=on, nonce=nonce, outcome=outcome, scanned_at=local(year, 6, 3), scanner=tree.cadre)
    with django_assert_num_queries(1):  # type: ignore[operator]
        months = checkins_by_month(tree.county, year)
    assert months == {5: 2, 6: 2}  # two sign-ups in May; one sign-up and one card-less walk-in in June
    assert checkins_by_month(tree.other, year) == {}
    assert "checkins" in TRENDS and TRENDS["checkins"].compute is checkins_by_month
