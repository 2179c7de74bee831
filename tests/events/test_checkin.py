"""The door: tickets and member cards, once per nonce, walk-ins, check-out, and every refusal's reason."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from gonghui.events import signups
from gonghui.events.checkin import ScanIn, scan_record, scans_record
from gonghui.events.choices import ScanOutcome, SignUpStatus
from gonghui.events.models import Event, Scan, SignUp
from gonghui.events.tickets import ticket_digest, ticket_token
from gonghui.members.card import card_token
from tests.events.conftest import make_event
from tests.factories import Tree, UserFactory, grant, make_member


@pytest.fixture
def now_event(tree: Tree) -> Event:
    start = timezone.now() - dt.timedelta(minutes=10)
    return make_event(tree.county, tree.cadre, capacity=5, starts_at=start, ends_at=start + dt.timedelta(hours=3))


def _scan(tree: Tree, event: Event, nonce: str, token: str = "", **kw: object) -> Scan:
    return scan_record(actor=tree.cadre, event=event, scan=ScanIn(nonce=nonce, token=token, **kw))  # type: ignore[arg-type]


def _signed_up(tree: Tree, event: Event, seq: int = 1) -> SignUp:
    # Sign up before the start (the window closes when the event begins).
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() + dt.timedelta(hours=1))
    event.refresh_from_db()
    signup = signups.signup_create(event=event, person=make_member(tree.union, seq).person)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=10))
    event.refresh_from_db()
    return signup


def test_a_ticket_checks_in_once_and_a_retry_counts_nothing(tree: Tree, now_event: Event) -> None:
    signup = _signed_up(tree, now_event)
    first = _scan(tree, now_event, "n1", ticket_token(signup))
    again = _scan(tree, now_event, "n1", ticket_token(signup))  # the same upload, retried
    assert first.outcome == ScanOutcome.CHECKED_IN and again.pk == first.pk
    assert Scan.objects.count() == 1
    second_scan = _scan(tree, now_event, "n2", ticket_token(signup))  # scanned again at the door
    assert second_scan.outcome == ScanOutcome.ALREADY
    signup.refresh_from_db()
    assert signup.checked_in_at is not None


def test_a_member_card_finds_the_signup(tree: Tree, now_event: Event) -> None:
    signup = _signed_up(tree, now_event)
    scan = _scan(tree, now_event, "c1", card_token(signup.membership))
    assert scan.outcome == ScanOutcome.CHECKED_IN and scan.signup_id == signup.pk


def test_a_card_without_signup_is_a_walk_in_not_taking_a_place(tree: Tree, now_event: Event) -> None:
    walker = make_member(tree.union, 9)
    scan = _scan(tree, now_event, "w1", card_token(walker))
    assert scan.outcome == ScanOutcome.WALK_IN
    assert SignUp.objects.get(person=walker.person).status == SignUpStatus.WALK_IN
    now_event.refresh_from_db()
    assert now_event.held == 0


def test_walk_ins_without_a_card_are_counted_by_category(tree: Tree, now_event: Event) -> None:
    scan = _scan(tree, now_event, "a1", category="courier")
    assert scan.outcome == ScanOutcome.WALK_IN and scan.category == "courier"


def test_check_out_after_check_in(tree: Tree, now_event: Event) -> None:
    signup = _signed_up(tree, now_event)
    refused = _scan(tree, now_event, "o0", ticket_token(signup), direction="out")
    assert refused.outcome == ScanOutcome.REFUSED and "未签到" in refused.reason
    _scan(tree, now_event, "i1", ticket_token(signup))
    out = _scan(tree, now_event, "o1", ticket_token(signup), direction="out")
    assert out.outcome == ScanOutcome.CHECKED_OUT
    signup.refresh_from_db()
    assert signup.checked_out_at is not None


@override_settings(CARD_TOKEN_SECONDS=60)
def test_refusals_are_recorded_with_a_reason_and_change_nothing(tree: Tree, now_event: Event) -> None:
    signup = _signed_up(tree, now_event)
    other = make_event(tree.county, tree.cadre, title="另一场")
    other_signup = signups.signup_create(event=other, person=make_member(tree.union, 2).person)
    forged = ticket_token(signup)[:-3] + "abc"
    cases = {
        "f": (forged, "不是有效的活动票券"),
        "o": (ticket_token(other_signup), "不属于本活动"),
        "x": ("m123:bogus", "不是有效的会员码"),
    }
    for nonce, (token, reason) in cases.items():
        scan = _scan(tree, now_event, nonce, token)
        assert scan.outcome == ScanOutcome.REFUSED and reason in scan.reason
    signup.refresh_from_db()
    assert signup.checked_in_at is None


def test_an_expired_card_and_a_finished_event(tree: Tree, now_event: Event) -> None:
    signup = _signed_up(tree, now_event)
    with override_settings(CARD_TOKEN_SECONDS=-1):
        expired = _scan(tree, now_event, "e1", card_token(signup.membership))
    assert expired.outcome == ScanOutcome.REFUSED and "过期" in expired.reason
    Event.objects.filter(pk=now_event.pk).update(
        starts_at=timezone.now() - dt.timedelta(days=3), ends_at=timezone.now() - dt.timedelta(days=2)
    )
    now_event.refresh_from_db()
    late = _scan(tree, now_event, "e2", ticket_token(signup))
    assert late.outcome == ScanOutcome.REFUSED and "已结束" in late.reason


def test_a_waiting_signup_is_not_let_in(tree: Tree) -> None:
    start = timezone.now() + dt.timedelta(hours=1)
    event = make_event(tree.county, tree.cadre, capacity=1, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    signups.signup_create(event=event, person=make_member(tree.union, 1).person)
    waiting = signups.signup_create(event=event, person=make_member(tree.union, 2).person)
    scan = _scan(tree, event, "q1", ticket_token(waiting))
    assert scan.outcome == ScanOutcome.REFUSED and "候补" in scan.reason


def test_bad_scans_are_refused_before_anything_is_written(tree: Tree, now_event: Event) -> None:
    with pytest.raises(ValidationError, match="nonce"):
        _scan(tree, now_event, "")
    with pytest.raises(ValidationError, match="晚于当前时间"):
        _scan(tree, now_event, "future", category="other", scanned_at=timezone.now() + dt.timedelta(hours=1))
    assert Scan.objects.count() == 0


def test_a_nonce_is_the_scanners_own_and_a_different_scan_under_it_is_refused(tree: Tree, now_event: Event) -> None:
    a, b = _signed_up(tree, now_event, 1), _signed_up(tree, now_event, 2)
    first = _scan(tree, now_event, "1", ticket_token(a))
    with pytest.raises(ValidationError, match="已用于另一次扫码"):
        _scan(tree, now_event, "1", ticket_token(b))  # an app that reused its counter: b is not let in silently
    b.refresh_from_db()
    assert b.checked_in_at is None
    other_door = UserFactory(username="door-2")
    grant(other_door, tree.county)
    second = scan_record(actor=other_door, event=now_event, scan=ScanIn(nonce="1", token=ticket_token(b)))
    assert second.outcome == ScanOutcome.CHECKED_IN and second.pk != first.pk  # another scanner's "1"
    start = timezone.now() - dt.timedelta(minutes=5)
    later = make_event(tree.county, tree.cadre, title="另一场", starts_at=start, ends_at=start + dt.timedelta(hours=1))
    assert _scan(tree, later, "1", category="other").outcome == ScanOutcome.WALK_IN  # and another event's


def test_one_bad_scan_does_not_block_a_sync(tree: Tree, now_event: Event) -> None:
    a, b = _signed_up(tree, now_event, 1), _signed_up(tree, now_event, 2)
    future = timezone.now() + dt.timedelta(hours=2)
    batch = [
        ScanIn(nonce="s1", token=ticket_token(a)),
        ScanIn(nonce="s2", token=ticket_token(b), scanned_at=future),  # the phone's clock ran fast
        ScanIn(nonce="s3", category="courier"),
    ]
    results = scans_record(actor=tree.cadre, event=now_event, scans=batch)
    assert [r.outcome for r in results] == ["checked_in", "refused", "walk_in"]
    assert "晚于当前时间" in results[1].reason and results[1].pk is None
    assert Scan.objects.count() == 2


def test_the_door_is_closed_for_a_cancelled_event(tree: Tree, now_event: Event) -> None:
    Event.objects.filter(pk=now_event.pk).update(status="cancelled")
    now_event.refresh_from_db()
    walker = make_member(tree.union, 9)
    for nonce, kw in (("c1", {"category": "other"}), ("c2", {"token": card_token(walker)})):
        scan = _scan(tree, now_event, nonce, **kw)
        assert scan.outcome == ScanOutcome.REFUSED and "已取消" in scan.reason
    assert not SignUp.objects.exists()


def test_an_offline_batch_keeps_each_scan_and_its_time(tree: Tree, now_event: Event) -> None:
    a = _signed_up(tree, now_event, 1)
    b = _signed_up(tree, now_event, 2)
    at = timezone.now() - dt.timedelta(minutes=5)
    batch = [ScanIn(nonce="b1", token=ticket_token(a), scanned_at=at), ScanIn(nonce="b2", token=ticket_token(b))]
    first = scans_record(actor=tree.cadre, event=now_event, scans=batch)
    again = scans_record(actor=tree.cadre, event=now_event, scans=batch)  # the sync retried
    assert [s.pk for s in first] == [s.pk for s in again]
    a.refresh_from_db()
    assert a.checked_in_at == at
    assert ticket_digest(ticket_token(a)) != ticket_digest(ticket_token(b))
