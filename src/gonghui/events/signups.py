"""Sign-up, the waiting list and its offers (pretix-style quota: a counter the database guards).

`Event.held` counts the places held by confirmed and offered sign-ups. It moves only by a conditional
UPDATE (`held < capacity`), under the CHECK `held <= capacity`, so concurrent sign-ups never oversell.
Whoever finds no place waits; the waiting list is served in sign-up order. Every path that inserts a
waiting sign-up or releases a place first locks the event row, so a place freed by a cancellation is
never missed by a sign-up waiting behind it. A released place becomes an offer to the first in line,
who has EVENT_OFFER_HOURS (never past the start) to accept; a lapsed offer passes on. `offers_expire`
is safe to run any time, by a cron job or before any read of the list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.events.choices import ACTIVE, SignUpStatus
from gonghui.events.eligibility import check_may_sign_up
from gonghui.events.models import Event, SignUp
from gonghui.members.models import Membership, Person
from gonghui.members.selectors import live_membership


def take_places(event_id: int, places: int = 1) -> bool:
    """Hold `places` more places if they are free; atomic in the database."""
    taken = Event.objects.filter(pk=event_id, held__lte=F("capacity") - places).update(held=F("held") + places)
    return taken == 1


def lock_event(event_id: int) -> Event:
    return Event.objects.select_for_update().get(pk=event_id)


def _offer_deadline(event: Event, now: dt.datetime) -> dt.datetime:
    return min(now + dt.timedelta(hours=settings.EVENT_OFFER_HOURS), event.starts_at)


def _pass_on(event: Event, now: dt.datetime) -> SignUp | None:
    """A held place was given up (the event row is locked): offer it to the first in line, or free it."""
    first = SignUp.objects.filter(event=event, status=SignUpStatus.WAITING).order_by("pk").first()
    if first is None or now >= event.starts_at:
        Event.objects.filter(pk=event.pk).update(held=F("held") - 1)
        return None
    first.status = SignUpStatus.OFFERED
    first.offer_expires_at = _offer_deadline(event, now)
    first.save(update_fields=["status", "offer_expires_at", "updated_at"])
    return first


def _membership(person: Person) -> Membership | None:
    return live_membership(person)


@transaction.atomic
def signup_create(*, event: Event, person: Person) -> SignUp:
    """Sign the person up: a place if one is free, else the end of the waiting list."""
    membership = _membership(person)
    check_may_sign_up(event, person, membership)
    if event.is_team_event:
        raise ValidationError(_("本活动以队伍报名，请联系所在基层工会报队。"))
    if SignUp.objects.filter(event=event, person=person, status__in=ACTIVE).exists():
        raise ValidationError(_("您已报名本活动，请在“我的活动”中查看。"))
    if take_places(event.pk):
        status = SignUpStatus.CONFIRMED
    else:
        lock_event(event.pk)  # a cancellation may be passing a place on right now: wait for it, then look again
        status = SignUpStatus.CONFIRMED if take_places(event.pk) else SignUpStatus.WAITING
    try:
        with transaction.atomic():
            return SignUp.objects.create(
                event=event,
                person=person,
                membership=membership,
                org=membership.org if membership else None,
                category=membership.employment_form if membership else "",
                status=status,
            )
    except IntegrityError as exc:  # the same person, twice at once: the held place is rolled back with us
        raise ValidationError(_("您已报名本活动，请在“我的活动”中查看。")) from exc


@transaction.atomic
def signup_cancel(*, signup: SignUp, actor: Any = None) -> SignUp:
    """The worker, or a cadre who checked their scope, cancels; a held place passes to the waiting list. A
    cadre's cancellation is audited."""
    event = lock_event(signup.event_id)
    signup = SignUp.objects.select_for_update().get(pk=signup.pk)
    if signup.status not in (SignUpStatus.CONFIRMED, SignUpStatus.WAITING, SignUpStatus.OFFERED):
        raise ValidationError(_("该报名已不能取消（%(status)s）。") % {"status": signup.get_status_display()})
    if signup.checked_in_at:
        raise ValidationError(_("已签到的报名不能取消。"))
    held = signup.holds_place
    signup.status = SignUpStatus.CANCELLED
    signup.offer_expires_at = None
    signup.save(update_fields=["status", "offer_expires_at", "updated_at"])
    if held:
        _pass_on(event, timezone.now())
    if actor is not None and not getattr(actor, "is_worker", False):
        audit_record(actor=actor, action=AuditAction.UPDATE, target=signup, org=event.org, detail={"cancelled": 1})
    return signup


def offer_accept(*, signup: SignUp) -> SignUp:
    """Take up an offered place; an offer past its deadline has lapsed (and passed on) first."""
    offers_expire(event=signup.event)
    with transaction.atomic():
        lock_event(signup.event_id)
        signup = SignUp.objects.select_for_update().get(pk=signup.pk)
        if signup.status == SignUpStatus.LAPSED:
            raise ValidationError(_("确认时间已过，名额已顺延给下一位候补。"))
        if signup.status != SignUpStatus.OFFERED:
            raise ValidationError(_("没有待确认的候补名额。"))
        signup.status = SignUpStatus.CONFIRMED
        signup.offer_expires_at = None
        signup.save(update_fields=["status", "offer_expires_at", "updated_at"])
        return signup


def _lapse(event: Event, signup: SignUp, now: dt.datetime) -> None:
    signup.status = SignUpStatus.LAPSED
    signup.save(update_fields=["status", "updated_at"])
    _pass_on(event, now)


def offers_expire(*, event: Event | None = None, now: dt.datetime | None = None) -> int:
    """Lapse offers past their deadline and pass each place on; returns how many lapsed. Safe to re-run."""
    now = now or timezone.now()
    stale = SignUp.objects.filter(status=SignUpStatus.OFFERED, offer_expires_at__lte=now)
    if event is not None:
        stale = stale.filter(event=event)
    lapsed = 0
    for event_id in stale.values_list("event_id", flat=True).distinct():
        with transaction.atomic():
            locked = lock_event(event_id)
            for signup in SignUp.objects.select_for_update().filter(
                event_id=event_id, status=SignUpStatus.OFFERED, offer_expires_at__lte=now
            ):
                _lapse(locked, signup, now)
                lapsed += 1
    return lapsed


def places_open(*, event: Event) -> int:
    """After the capacity grew (the event row is locked by the caller): offer the new places in order."""
    now = timezone.now()
    offered = 0
    while take_places(event.pk):
        first = SignUp.objects.filter(event=event, status=SignUpStatus.WAITING).order_by("pk").first()
        if first is None:
            Event.objects.filter(pk=event.pk).update(held=F("held") - 1)
            break
        first.status = SignUpStatus.OFFERED
        first.offer_expires_at = _offer_deadline(event, now)
        first.save(update_fields=["status", "offer_expires_at", "updated_at"])
        offered += 1
    return offered
