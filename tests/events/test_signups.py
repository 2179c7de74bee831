"""Sign-up, the waiting list, offers and promotion: the place counter never lies."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from gonghui.events import signups
from gonghui.events.choices import EventKind, SignUpStatus
from gonghui.events.models import Event, SignUp, SocialProfile
from gonghui.events.selectors import waiting_position
from tests.events.conftest import make_event
from tests.factories import Tree, at_run, make_member


def _held(event: Event) -> int:
    return Event.objects.get(pk=event.pk).held


def test_places_then_waiting_list_in_order(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=2)
    people = [make_member(tree.union, i).person for i in range(5)]
    made = [signups.signup_create(event=event, person=p) for p in people]
    assert [s.status for s in made] == ["confirmed", "confirmed", "waiting", "waiting", "waiting"]
    assert [waiting_position(s) for s in made[2:]] == [1, 2, 3]
    assert _held(event) == 2


def test_cancel_offers_the_place_to_the_first_in_line(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=1)
    first, second, third = (
        signups.signup_create(event=event, person=make_member(tree.union, i).person) for i in range(3)
    )
    signups.signup_cancel(signup=first)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == SignUpStatus.OFFERED and second.offer_expires_at is not None
    assert third.status == SignUpStatus.WAITING and waiting_position(third) == 1
    assert _held(event) == 1  # the place passed on, still held
    signups.offer_accept(signup=second)
    second.refresh_from_db()
    assert second.status == SignUpStatus.CONFIRMED


def test_a_lapsed_offer_passes_on_and_is_safe_to_rerun(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=1)
    first, second, third = (
        signups.signup_create(event=event, person=make_member(tree.union, i).person) for i in range(3)
    )
    signups.signup_cancel(signup=first)
    later = timezone.now() + dt.timedelta(hours=25)
    assert signups.offers_expire(now=later) == 1
    assert signups.offers_expire(now=later) == 0  # nothing twice
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == SignUpStatus.LAPSED
    assert third.status == SignUpStatus.OFFERED
    with pytest.raises(ValidationError):
        signups.offer_accept(signup=second)


def test_accepting_too_late_is_refused_and_passes_on(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=1)
    first, second, third = (
        signups.signup_create(event=event, person=make_member(tree.union, i).person) for i in range(3)
    )
    signups.signup_cancel(signup=first)
    SignUp.objects.filter(pk=second.pk).update(offer_expires_at=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(ValidationError, match="确认时间已过"):
        signups.offer_accept(signup=second)
    third.refresh_from_db()
    assert third.status == SignUpStatus.OFFERED


def test_cancel_with_nobody_waiting_frees_the_place(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=1)
    only = signups.signup_create(event=event, person=make_member(tree.union, 1).person)
    signups.signup_cancel(signup=only)
    assert _held(event) == 0
    with pytest.raises(ValidationError, match="不能取消"):
        signups.signup_cancel(signup=only)


def test_twice_is_refused(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=5)
    person = make_member(tree.union, 1).person
    signups.signup_create(event=event, person=person)
    with pytest.raises(ValidationError, match="已报名"):
        signups.signup_create(event=event, person=person)
    assert _held(event) == 1


def test_the_database_refuses_a_second_active_signup(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=5)
    person = make_member(tree.union, 1).person
    SignUp.objects.create(event=event, person=person, status=SignUpStatus.CONFIRMED)
    with pytest.raises(IntegrityError):
        SignUp.objects.create(event=event, person=person, status=SignUpStatus.WAITING)


def test_the_database_refuses_more_held_than_capacity(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=1, held=1)
    with pytest.raises(IntegrityError):
        Event.objects.filter(pk=event.pk).update(held=2)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"signup_closes_at": lambda: timezone.now() - dt.timedelta(hours=1)}, "报名已截止"),
        ({"signup_opens_at": lambda: timezone.now() + dt.timedelta(hours=1)}, "报名尚未开始"),
        ({"status": "draft"}, "未发布"),
        ({"women_only": True}, "仅限女职工"),
        ({"employment_form": "courier"}, "仅限快递员"),
        ({"kind": EventKind.SOCIAL}, "交友资料"),
    ],
)
def test_refusals_say_why_and_change_nothing(tree: Tree, fields: dict, reason: str) -> None:
    event = make_event(tree.county, tree.cadre, **at_run(fields))
    person = make_member(tree.union, 1).person
    with pytest.raises(ValidationError, match=reason):
        signups.signup_create(event=event, person=person)
    assert _held(event) == 0 and not SignUp.objects.exists()


def test_only_members_of_the_audience(tree: Tree) -> None:
    event = make_event(tree.union, tree.cadre)
    outsider = make_member(tree.other, 1).person  # a sibling union, not under the organiser
    with pytest.raises(ValidationError, match="所属会员"):
        signups.signup_create(event=event, person=outsider)
    event.audience_org = tree.county
    event.save()
    assert signups.signup_create(event=event, person=outsider).status == "confirmed"


def test_women_and_opted_in_singles_may(tree: Tree) -> None:
    women = make_event(tree.county, tree.cadre, women_only=True)
    assert signups.signup_create(event=women, person=make_member(tree.union, 1, sex="F").person)
    social = make_event(tree.county, tree.cadre, kind=EventKind.SOCIAL)
    single = make_member(tree.union, 2).person
    SocialProfile.objects.create(person=single, nickname="小周", opted_in=True)
    assert signups.signup_create(event=social, person=single).status == "confirmed"


def test_team_events_take_no_individual_signup(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, team_size_min=1, team_size_max=5)
    with pytest.raises(ValidationError, match="队伍报名"):
        signups.signup_create(event=event, person=make_member(tree.union, 1).person)
