"""Writes of the member registry: join, approve/reject, transfer, leave.

The database holds the invariant (one pending-or-active membership per person);
services lock the person row first so concurrent submissions for one ID queue up
and each gets a clear answer instead of an IntegrityError.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.search_keys import search_keys
from gonghui.members.changes import change_request_leave
from gonghui.members.choices import (
    LIVE_STATUSES,
    ChangeKind,
    ChangeSource,
    EventKind,
    JoinSource,
    MembershipStatus,
    TransferStatus,
)
from gonghui.members.identity import (
    Applicant,
    CheckedApplicant,
    check_applicant,
    document_hmac,
    mobile_hmac,
    same_person_name,
)
from gonghui.members.join_fastpath import insert_new_applicant
from gonghui.members.models import JoinPolicy, JoinTarget, Membership, MembershipEvent, Person, Transfer
from gonghui.members.numbers import given_member_no
from gonghui.members.selectors import auto_approves
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, require
from gonghui.orgs.services import org_member_count_adjust


class Outcome(StrEnum):
    APPLIED = "applied"
    APPROVED = "approved"
    ALREADY_MEMBER = "already_member"
    PENDING = "pending"
    TRANSFER_REQUESTED = "transfer_requested"
    # An anonymous form named a known person: nothing on record changed (at most an item for the union).
    HELD = "held"


# What an anonymous caller is told, whatever the registry holds: unknown, known, wrong name, other union.
NEUTRAL_ANSWER = gettext_lazy("申请已收到。工会核对信息后办理，结果请用本人手机号登录“我的”查看。")


@dataclass(frozen=True)
class JoinResult:
    outcome: Outcome
    message: str
    membership: Membership | None = None
    transfer: Transfer | None = None

    def answer(self, *, signed_in: bool) -> str:
        """The message for the caller: the full one for the person themselves, the neutral one otherwise."""
        return self.message if signed_in else str(NEUTRAL_ANSWER)


def _event(membership: Membership, kind: EventKind, *, actor: Any = None, reason: str = "", org: Any = None) -> None:
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    MembershipEvent.objects.create(
        membership=membership,
        kind=kind,
        org=org or membership.org,
        actor=actor if authenticated else None,
        reason=reason[:200],
    )


def person_keys(name: str) -> dict[str, str]:
    """Search-key fields for a person's name (simplified, pinyin, initials)."""
    keys = search_keys(name)
    return {"name_simplified": keys.simplified, "name_pinyin": keys.pinyin, "name_initials": keys.initials}


def person_locked_or_created(checked: CheckedApplicant) -> Person:
    """The person with this document, created if new, locked for the rest of the transaction.

    Insert-if-absent, then lock: two round trips for new and known people alike, and no savepoint.
    A concurrent insert of the same document waits on the unique index and then does nothing.
    """
    id_hmac = document_hmac(checked.id_number)
    Person.objects.bulk_create(
        [
            Person(
                name=checked.name,
                id_type=checked.id_type,
                id_number=checked.id_number,
                mobile=checked.mobile,
                sex=checked.sex,
                birth_date=checked.birth_date,
                village=checked.village,
                **person_keys(checked.name),
            )
        ],
        ignore_conflicts=True,
    )
    person = Person.objects.select_for_update().get(id_hmac=id_hmac)
    if not same_person_name(person.name, checked.name):
        raise ValidationError({"name": _("该证件号码已登记的姓名与您填写的不一致，请核对，或联系工会更正。")})
    return person


# Job details an application (or a transfer request) carries into the membership.
MEMBERSHIP_DETAIL_KEYS = ("employer_name", "employment_form", "platform", "occupation")


def _membership_details(checked: CheckedApplicant) -> dict[str, Any]:
    return {key: getattr(checked, key) for key in MEMBERSHIP_DETAIL_KEYS}


def _activate(membership: Membership, *, actor: Any, kind: EventKind) -> None:
    today = timezone.localdate()
    membership.status = MembershipStatus.ACTIVE
    membership.joined_on = membership.joined_on or today
    membership.member_no = membership.member_no or given_member_no(membership.org.region_id, membership.pk)
    membership.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    membership.save(update_fields=["status", "joined_on", "member_no", "decided_by", "updated_at"])
    org_member_count_adjust(org_id=membership.org_id, delta=1)
    _event(membership, kind, actor=actor)


def member_join(
    *,
    org: OrgNode,
    applicant: Applicant,
    source: JoinSource = JoinSource.QR,
    join_target: JoinTarget | None = None,
    actor: Any = None,
    need_consent: bool = True,
    signed_in: Person | None = None,
) -> JoinResult:
    """A worker asks to join `org` from the QR form, the API, or signed in to 我的. Never a second live record.

    `signed_in` is the caller's own record when they signed in with a code to the mobile on file: only
    then may the join start a transfer. Without it the form is anonymous and never changes a person on
    record: a known ID with another mobile or another name leaves at most an item for the union to check
    (Outcome.HELD), and a member of another union is not moved.
    """
    if not org.is_active:
        raise ValidationError(_("该工会组织已撤销，不能接收入会申请。"))
    if join_target is not None:  # a target's link presets its group where the applicant said nothing
        applicant = replace(
            applicant,
            employment_form=applicant.employment_form or join_target.employment_form,
            platform=applicant.platform or join_target.platform,
        )
    checked = check_applicant(applicant, need_consent=need_consent, min_age=settings.JOIN_MIN_AGE)
    if signed_in is not None:
        if signed_in.id_hmac != document_hmac(checked.id_number):
            raise ValidationError({"id_number": _("已登录时只能为本人申请入会。")})
        return _join(org=org, checked=checked, source=source, join_target=join_target, actor=actor, trusted=True)
    if connection.vendor == "postgresql" and not auto_approves(org):
        # One self-contained statement for a never-seen document number (join_fastpath): no transaction needed.
        membership = insert_new_applicant(
            checked=checked,
            keys=person_keys(checked.name),
            org=org,
            source=source,
            join_target=join_target,
            details=_membership_details(checked),
            actor_id=actor.pk if getattr(actor, "is_authenticated", False) else None,
            now=timezone.now(),
        )
        if membership is not None:
            return _applied(org, membership)
    return _join(org=org, checked=checked, source=source, join_target=join_target, actor=actor, trusted=False)


@transaction.atomic
def _join(
    *, org: OrgNode, checked: CheckedApplicant, source: str, join_target: JoinTarget | None, actor: Any, trusted: bool
) -> JoinResult:
    """The general path: lock or create the person, then answer from their live membership if any."""
    try:
        person = person_locked_or_created(checked)
    except ValidationError:
        if trusted:
            raise
        return JoinResult(Outcome.HELD, _("该证件号码已登记的姓名与您填写的不一致。"))
    live = Membership.objects.select_related("org").filter(person=person, status__in=LIVE_STATUSES).first()
    if not trusted and checked.mobile and person.mobile_hmac != mobile_hmac(checked.mobile):
        change_request_leave(
            person=person,
            org=live.org if live is not None else org,
            kind=ChangeKind.MOBILE,
            source=ChangeSource.PUBLIC_FORM,
            new_mobile=checked.mobile,
        )
        return JoinResult(Outcome.HELD, _("手机号码与登记的不一致，已交工会核实。"), live)
    if live is not None:
        if not trusted and live.status == MembershipStatus.ACTIVE and live.org_id != org.pk:
            return JoinResult(Outcome.HELD, _("您已是其他工会会员，请登录“我的”后办理转会。"), live)
        return _answer_existing(person, live, org, checked)
    membership = Membership.objects.create(
        person=person,
        org=org,
        status=MembershipStatus.PENDING,
        source=source,
        join_target=join_target,
        applied_at=timezone.now(),
        **_membership_details(checked),
    )
    _event(membership, EventKind.APPLY, actor=actor)
    return _applied(org, membership)


def _applied(org: OrgNode, membership: Membership) -> JoinResult:
    if auto_approves(org):
        _activate(membership, actor=None, kind=EventKind.AUTO_APPROVE)
        return JoinResult(Outcome.APPROVED, _("入会成功，欢迎加入%(org)s！") % {"org": org.name}, membership)
    return JoinResult(Outcome.APPLIED, _("入会申请已提交，%(org)s将尽快审核。") % {"org": org.name}, membership)


def _answer_existing(person: Person, live: Membership, org: OrgNode, checked: CheckedApplicant) -> JoinResult:
    if live.status == MembershipStatus.PENDING:
        return JoinResult(
            Outcome.PENDING,
            _("您向%(org)s提交的入会申请正在审核中，请勿重复提交。") % {"org": live.org.name},
            live,
        )
    if live.org_id == org.pk:
        return JoinResult(Outcome.ALREADY_MEMBER, _("您已是%(org)s会员。") % {"org": org.name}, live)
    pending = Transfer.objects.filter(person=person, status=TransferStatus.PENDING).select_related("to_org").first()
    if pending is not None:
        return JoinResult(
            Outcome.PENDING,
            _("您转入%(org)s的转会申请正在审核中。") % {"org": pending.to_org.name},
            live,
            pending,
        )
    transfer = Transfer.objects.create(
        person=person, from_membership=live, to_org=org, details=_membership_details(checked)
    )
    _event(live, EventKind.TRANSFER_REQUEST, reason=org.name)
    return JoinResult(
        Outcome.TRANSFER_REQUESTED,
        _("您已是%(old)s会员，已为您提交转入%(new)s的转会申请，待两个工会审核。")
        % {"old": live.org.name, "new": org.name},
        live,
        transfer,
    )


def _pending_locked(membership_id: int) -> Membership:
    membership = Membership.objects.select_for_update().select_related("org").get(pk=membership_id)
    if membership.status != MembershipStatus.PENDING:
        raise ValidationError(_("该申请已经处理过了。"))
    return membership


@transaction.atomic
def membership_approve(*, actor: Any, membership: Membership) -> Membership:
    require(actor, membership.org, Perm.REVIEW)
    locked = _pending_locked(membership.pk)
    _activate(locked, actor=actor, kind=EventKind.APPROVE)
    return locked


@transaction.atomic
def membership_reject(*, actor: Any, membership: Membership, reason: str) -> Membership:
    require(actor, membership.org, Perm.REVIEW)
    if not reason.strip():
        raise ValidationError({"reason": _("请填写未通过的原因，申请人会看到它。")})
    locked = _pending_locked(membership.pk)
    locked.status = MembershipStatus.REJECTED
    locked.reject_reason = reason.strip()[:200]
    locked.decided_by = actor
    locked.save(update_fields=["status", "reject_reason", "decided_by", "updated_at"])
    _event(locked, EventKind.REJECT, actor=actor, reason=reason)
    return locked


@dataclass(frozen=True)
class BulkResult:
    done: int
    skipped: int


def memberships_decide(*, actor: Any, memberships: list[Membership], approve: bool, reason: str = "") -> BulkResult:
    """Bulk approve/reject; each application in its own transaction, already-decided ones skipped."""
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("请填写未通过的原因，申请人会看到它。")})
    done = skipped = 0
    for membership in memberships:
        try:
            if approve:
                membership_approve(actor=actor, membership=membership)
            else:
                membership_reject(actor=actor, membership=membership, reason=reason)
            done += 1
        except ValidationError:
            skipped += 1
    return BulkResult(done=done, skipped=skipped)


@transaction.atomic
def transfer_approve(*, actor: Any, transfer: Transfer) -> Transfer:
    """Approve for whichever side(s) the actor may review; completes when both sides have approved."""
    locked = Transfer.objects.select_for_update().select_related("from_membership__org", "to_org").get(pk=transfer.pk)
    if locked.status != TransferStatus.PENDING:
        raise ValidationError(_("该转会申请已经处理过了。"))
    out_org, in_org = locked.from_membership.org, locked.to_org
    may_out, may_in = can(actor, Perm.REVIEW, out_org), can(actor, Perm.REVIEW, in_org)
    if not (may_out or may_in):
        require(actor, in_org, Perm.REVIEW)  # raises 404/403
    now = timezone.now()
    if may_out and locked.out_approved_at is None:
        locked.out_approved_by, locked.out_approved_at = actor, now
    if may_in and locked.in_approved_at is None:
        locked.in_approved_by, locked.in_approved_at = actor, now
    if locked.out_approved_at and locked.in_approved_at:
        _complete_transfer(locked, actor=actor)
    locked.save()
    return locked


def _complete_transfer(transfer: Transfer, *, actor: Any) -> None:
    old = Membership.objects.select_for_update().get(pk=transfer.from_membership_id)
    today = timezone.localdate()
    was_counted = old.status == MembershipStatus.ACTIVE  # a pending application was never counted
    old.status, old.ended_on = MembershipStatus.TRANSFERRED, today
    old.save(update_fields=["status", "ended_on", "updated_at"])
    if was_counted:
        org_member_count_adjust(org_id=old.org_id, delta=-1)
    _event(old, EventKind.TRANSFER_OUT, actor=actor, reason=transfer.to_org.name)
    new = Membership.objects.create(
        person_id=transfer.person_id,
        org=transfer.to_org,
        status=MembershipStatus.PENDING,
        source=JoinSource.TRANSFER,
        applied_at=transfer.requested_at,
        joined_on=today,
        **{k: v for k, v in transfer.details.items() if k in MEMBERSHIP_DETAIL_KEYS},
    )
    _activate(new, actor=actor, kind=EventKind.TRANSFER_IN)
    transfer.status, transfer.to_membership = TransferStatus.DONE, new


@transaction.atomic
def transfer_reject(*, actor: Any, transfer: Transfer, reason: str) -> Transfer:
    locked = Transfer.objects.select_for_update().select_related("from_membership__org", "to_org").get(pk=transfer.pk)
    if not (can(actor, Perm.REVIEW, locked.from_membership.org) or can(actor, Perm.REVIEW, locked.to_org)):
        require(actor, locked.to_org, Perm.REVIEW)
    if locked.status != TransferStatus.PENDING:
        raise ValidationError(_("该转会申请已经处理过了。"))
    if not reason.strip():
        raise ValidationError({"reason": _("请填写未通过的原因。")})
    locked.status, locked.reject_reason = TransferStatus.REJECTED, reason.strip()[:200]
    locked.save(update_fields=["status", "reject_reason"])
    _event(locked.from_membership, EventKind.TRANSFER_REJECT, actor=actor, reason=reason)
    return locked


@transaction.atomic
def membership_end(*, actor: Any, membership: Membership, reason: str, deceased: bool = False) -> Membership:
    """退会 or 去世: the membership ends, history stays; the person may rejoin later (unless deceased)."""
    require(actor, membership.org, Perm.ORG_EDIT)
    locked = Membership.objects.select_for_update().get(pk=membership.pk)
    if locked.status != MembershipStatus.ACTIVE:
        raise ValidationError(_("只有在册会员可以办理退会。"))
    locked.status = MembershipStatus.DECEASED if deceased else MembershipStatus.LEFT
    locked.ended_on = timezone.localdate()
    locked.save(update_fields=["status", "ended_on", "updated_at"])
    org_member_count_adjust(org_id=locked.org_id, delta=-1)
    Transfer.objects.filter(from_membership=locked, status=TransferStatus.PENDING).update(
        status=TransferStatus.REJECTED, reject_reason=_("会员已离会")
    )
    _event(locked, EventKind.DECEASED if deceased else EventKind.LEAVE, actor=actor, reason=reason)
    return locked


@transaction.atomic
def join_policy_set(*, actor: Any, org: OrgNode, auto_approve: bool) -> JoinPolicy:
    require(actor, org, Perm.STAFF_MANAGE)
    policy, _created = JoinPolicy.objects.update_or_create(org=org, defaults={"auto_approve": auto_approve})
    return policy


def join_target_scan(*, join_target: JoinTarget) -> None:
    """Count an opened join form (the top of the funnel)."""
    JoinTarget.objects.filter(pk=join_target.pk).update(scans=F("scans") + 1)
