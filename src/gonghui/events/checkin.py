"""Check-in at the door: a scan of the sign-up's ticket or the member's 电子会员卡, kept once per nonce.

A scanner (the organiser's phone, or an app over the API) gives every scan a nonce; a retried or
re-synced upload of the same scan returns the first answer and counts nothing twice. A scan made offline
carries the time it was made. Every scan is recorded with its outcome, refusals included, so the
organiser can see what happened at the door.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.events.checkin_fastpath import first_check_in
from gonghui.events.choices import ACTIVE, Direction, EventStatus, ScanOutcome, SignUpStatus, VisitorCategory
from gonghui.events.eligibility import person_problem
from gonghui.events.models import Event, Scan, SignUp
from gonghui.events.tickets import TicketInvalid, is_ticket, ticket_claim, ticket_digest
from gonghui.members.card import CardInvalid, card_claim
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership

# A scan is accepted from this long before the start until this long after the end (offline uploads too).
DOOR_OPENS = dt.timedelta(hours=12)
NONCE_MAX = 64
# The sign-ups that may come in: confirmed, offered (taken up at the door) and walk-ins.
PRESENT = (SignUpStatus.CONFIRMED, SignUpStatus.OFFERED, SignUpStatus.WALK_IN)


@dataclass(frozen=True)
class ScanIn:
    nonce: str
    token: str = ""
    direction: str = Direction.IN
    scanned_at: dt.datetime | None = None
    category: str = ""  # an anonymous walk-in (no card): who they are


class Refused(Exception):
    """The scan is recorded as refused, with this reason."""


def _check_scan(event: Event, scan: ScanIn, now: dt.datetime) -> dt.datetime:
    nonce = scan.nonce.strip()
    if not nonce or len(nonce) > NONCE_MAX:
        raise ValidationError(_("缺少扫码编号（nonce），或超过64个字符。"))
    if scan.direction not in Direction.values:
        raise ValidationError(_("方向只能是签到或签退。"))
    if scan.category and scan.category not in VisitorCategory.values:
        raise ValidationError(_("现场人员类别无效。"))
    at = scan.scanned_at or now
    if timezone.is_naive(at):
        at = timezone.make_aware(at)
    if at > now + dt.timedelta(minutes=5):
        raise ValidationError(_("扫码时间晚于当前时间，请校准手机时间。"))
    return at


def _signup_id_of_token(event: Event, token: str) -> tuple[int | None, Membership | None]:
    """The sign-up a ticket names (signature only); for a member card, the event's sign-up of that member
    (None without one) and the membership."""
    if is_ticket(token):
        try:
            return ticket_claim(token), None
        except TicketInvalid as exc:
            raise Refused(str(exc)) from exc
    try:
        membership_id = card_claim(token)
    except CardInvalid as exc:
        raise Refused(str(exc)) from exc
    membership = Membership.objects.filter(pk=membership_id).select_related("person", "org").first()
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        raise Refused(_("该会员卡已失效（会籍不在册）。"))
    signup_id = (
        SignUp.objects.filter(event=event, person=membership.person, status__in=ACTIVE)
        .values_list("pk", flat=True)
        .first()
    )
    return signup_id, membership


def _walk_in(event: Event, membership: Membership, at: dt.datetime) -> int:
    if not event.walk_ins:
        raise Refused(_("本活动须提前报名，未报名不能现场参加。"))
    problem = person_problem(event, membership.person, membership)
    if problem:
        raise Refused(problem)
    try:
        with transaction.atomic():
            return SignUp.objects.create(
                event=event,
                person=membership.person,
                membership=membership,
                org=membership.org,
                category=membership.employment_form,
                status=SignUpStatus.WALK_IN,
                checked_in_at=at,
            ).pk
    except IntegrityError as exc:  # the same member's card, at two doors at once
        raise Refused(_("该职工刚刚已在别处登记，请勿重复扫码。")) from exc


def _why_not(event: Event, signup_id: int, direction: str) -> str:
    """The conditional update found nothing to do: say why (already done is not a refusal)."""
    signup = SignUp.objects.filter(pk=signup_id).first()
    if signup is None or signup.event_id != event.pk:
        raise Refused(_("这张票不属于本活动。"))
    if signup.status == SignUpStatus.WAITING:
        raise Refused(_("该职工仍在候补名单中，尚未获得名额。"))
    if signup.status not in ACTIVE:
        raise Refused(_("该报名已%(status)s，不能签到。") % {"status": signup.get_status_display()})
    if direction == Direction.OUT:
        if not signup.checked_in_at:
            raise Refused(_("未签到，不能签退。"))
        return ScanOutcome.CHECKED_OUT  # out before: the first time counts
    return ScanOutcome.ALREADY


def _door_times(event: Event, at: dt.datetime) -> None:
    if event.status != EventStatus.PUBLISHED:
        raise Refused(_("活动未发布或已取消，不能签到。"))
    if at > event.ends_at + DOOR_OPENS:
        raise Refused(_("活动已结束，票券和会员码不再用于签到。"))
    if at < event.starts_at - DOOR_OPENS:
        raise Refused(_("活动尚未开始签到。"))


def _apply(event: Event, scan: ScanIn, at: dt.datetime) -> tuple[int | None, str]:
    """What the scan does: (the sign-up's id, the outcome); raises Refused with the reason, having written
    nothing. The common case, a first check-in, is one conditional UPDATE."""
    _door_times(event, at)
    if not scan.token.strip():
        if scan.direction != Direction.IN or not scan.category:
            raise Refused(_("请扫描票券或会员码；无码的现场人员请选择类别。"))
        if not event.walk_ins:
            raise Refused(_("本活动须提前报名，未报名不能现场参加。"))
        return None, ScanOutcome.WALK_IN
    signup_id, membership = _signup_id_of_token(event, scan.token)
    if signup_id is None:
        if scan.direction == Direction.OUT:
            raise Refused(_("未签到，不能签退。"))
        assert membership is not None  # noqa: S101 - a card without a sign-up names its membership
        return _walk_in(event, membership, at), ScanOutcome.WALK_IN
    mine = SignUp.objects.filter(pk=signup_id, event=event, status__in=PRESENT)
    now = timezone.now()
    if scan.direction == Direction.OUT:
        done = mine.filter(checked_in_at__isnull=False, checked_out_at__isnull=True).update(
            checked_out_at=at, updated_at=now
        )
        return signup_id, ScanOutcome.CHECKED_OUT if done else _why_not(event, signup_id, scan.direction)
    done = mine.filter(checked_in_at__isnull=True).update(
        checked_in_at=at,
        # present at the door: an offered place is taken up
        status=Case(When(status=SignUpStatus.OFFERED, then=Value(SignUpStatus.CONFIRMED)), default=F("status")),
        offer_expires_at=None,
        updated_at=now,
    )
    return signup_id, ScanOutcome.CHECKED_IN if done else _why_not(event, signup_id, scan.direction)


def scan_record(*, actor: Any, event: Event, scan: ScanIn) -> Scan:
    """Record one scan (the caller has checked the actor may run the event's door). Idempotent per nonce:
    the scan and its effect commit together, and the scanner's nonce seen before answers as it did then."""
    now = timezone.now()
    at = _check_scan(event, scan, now)
    nonce = scan.nonce.strip()
    digest = ticket_digest(scan.token) if scan.token.strip() else ""
    fast = _first_ticket_check_in(actor, event, scan, nonce, digest, at, now)
    if fast is not None:
        return fast
    try:
        with transaction.atomic():
            try:
                signup_id, outcome, reason = *_apply(event, scan, at), ""
            except Refused as exc:
                signup_id, outcome, reason = None, ScanOutcome.REFUSED, str(exc)
            return Scan.objects.create(
                event=event,
                signup_id=signup_id,
                nonce=nonce,
                token_digest=digest,
                direction=scan.direction,
                outcome=outcome,
                reason=reason[:100],
                category=scan.category if signup_id is None else "",
                scanned_at=at,
                scanner=actor,
            )
    except IntegrityError:  # this scanner's nonce was recorded before (a retry, or a concurrent upload)
        earlier = Scan.objects.filter(event=event, scanner=actor, nonce=nonce).first()
        if earlier is None:
            raise
        return _same_scan(earlier, digest, scan.direction)


def _first_ticket_check_in(
    actor: Any, event: Event, scan: ScanIn, nonce: str, digest: str, at: dt.datetime, now: dt.datetime
) -> Scan | None:
    """The commonest scan in one statement on PostgreSQL (checkin_fastpath); None for the general path."""
    if scan.direction != Direction.IN or not is_ticket(scan.token):
        return None
    try:
        _door_times(event, at)
        signup_id = ticket_claim(scan.token)
    except (Refused, TicketInvalid):
        return None  # the general path records the refusal
    return first_check_in(
        event_id=event.pk, signup_id=signup_id, nonce=nonce, digest=digest, at=at, now=now, scanner_id=actor.pk
    )


def _same_scan(scan: Scan, digest: str, direction: str) -> Scan:
    """A repeated nonce is a replay only if it carries the same code the same way; else it is refused."""
    if scan.token_digest != digest or scan.direction != direction:
        raise ValidationError(_("该扫码编号已用于另一次扫码，请重新扫码（扫码器须为每次扫码生成新的编号）。"))
    return scan


def scans_record(*, actor: Any, event: Event, scans: list[ScanIn]) -> list[Scan]:
    """A batch from an offline scanner, in the order it was scanned; each scan stands on its own, so one bad
    scan (a phone clock running fast, a reused nonce) is answered as refused and the rest still count. The
    refusals of this kind are answers only, not records: there is nothing valid to record."""
    results = []
    for scan in scans:
        try:
            results.append(scan_record(actor=actor, event=event, scan=scan))
        except ValidationError as exc:
            results.append(
                Scan(
                    event=event,
                    nonce=scan.nonce.strip()[:NONCE_MAX],
                    direction=scan.direction,
                    outcome=ScanOutcome.REFUSED,
                    reason="；".join(exc.messages)[:100],
                    scanned_at=scan.scanned_at or timezone.now(),
                )
            )
    return results
