"""Receiving disputes: a cadre opens one (from the union's own intake, a court's pre-suit referral, 人社 or
an arrears report), a worker applies in 我的 and the union accepts or declines it; parties and claims are
checked; a dispute with enough workers is flagged collective and escalated to the federation above.

Every refusal is a ValidationError with a Chinese reason, raised before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.members.identity import document_hmac
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.kinds import FEDERATIONS
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.selectors import enterprise_in_scope
from gonghui.rights.base.access import require_rights
from gonghui.rights.mediation.checks import ClaimIn, WorkerIn, claims_from, long_text, workers_from
from gonghui.rights.mediation.choices import DisputeSource, Status
from gonghui.rights.mediation.models import Claim, Dispute, Party, UnionSetting

COLLECTIVE_MIN = 3  # without a union's own setting (the nearest one up the tree applies)


def collective_min(org: OrgNode) -> int:
    """The nearest union setting up the tree, or the default."""
    setting = (
        UnionSetting.objects.filter(org__path__in=paths_up(org.path)).order_by("-org__depth").only("collective_min")
    ).first()
    return setting.collective_min if setting else COLLECTIVE_MIN


def federation_above(org: OrgNode) -> OrgNode | None:
    """The nearest federation strictly above `org` (a town, county or city union), where collective
    disputes are reported."""
    ancestors = paths_up(org.path)[:-1]
    return (
        OrgNode.objects.filter(path__in=ancestors, kind__in=list(FEDERATIONS)).order_by("-depth").first()
        if ancestors
        else None
    )


def _recount(dispute: Dispute, actor: User | None) -> None:
    """Refresh the counts on the row; flag and escalate once the workers reach the collective threshold."""
    dispute.worker_count = dispute.parties.count()
    dispute.claimed = dispute.claims.aggregate(s=Sum("amount"))["s"] or Decimal(0)
    fields = ["worker_count", "claimed", "updated_at"]
    if not dispute.collective and dispute.worker_count >= collective_min(dispute.org):
        dispute.collective = True
        dispute.escalated_to = federation_above(dispute.org)
        dispute.escalated_at = timezone.now() if dispute.escalated_to else None
        fields += ["collective", "escalated_to", "escalated_at"]
    dispute.save(update_fields=fields)
    if "collective" in fields:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            target=dispute,
            org=dispute.org,
            detail={
                "collective": dispute.worker_count,
                "escalated_to": dispute.escalated_to.code if dispute.escalated_to else "",
            },
        )


def _save_parts(dispute: Dispute, parties: list[Party], claims: list[Claim]) -> None:
    for party in parties:
        party.dispute = dispute
    for claim in claims:
        claim.dispute = dispute
    try:
        with transaction.atomic():
            Party.objects.bulk_create(parties)
    except IntegrityError:  # the same worker added twice at once
        raise ValidationError({"workers": _("该职工已是本案当事人。")}) from None
    Claim.objects.bulk_create(claims)


def _merge(errors: dict[str, list[str]], exc: ValidationError) -> None:
    for field, messages in exc.message_dict.items():
        errors.setdefault(field, []).extend(messages)


@transaction.atomic
def dispute_open(
    *,
    actor: User,
    org: OrgNode,
    enterprise_uscc: str,
    source: str,
    summary: str,
    workers: Sequence[WorkerIn],
    claims: Sequence[ClaimIn] = (),
    received_on: dt.date | None = None,
    court_ref: str = "",
) -> Dispute:
    """A rights officer of `org` registers a dispute against an enterprise under `org` (by its 统一社会信用代码)."""
    require_rights(actor, org)
    errors: dict[str, list[str]] = {}
    enterprise = None
    try:
        enterprise = enterprise_in_scope(actor, enterprise_uscc, org, Perm.RIGHTS, field="enterprise")
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if source not in DisputeSource.values or source == DisputeSource.WORKER:
        errors["source"] = [_("来源无效。")]
    text = long_text(summary, 2000)
    if not text:
        errors["summary"] = [_("请填写争议事由。")]
    today = timezone.localdate()
    if received_on is not None and received_on > today:
        errors["received_on"] = [_("受理日期不能晚于今天。")]
    parties: list[Party] = []
    checked: list[Claim] = []
    try:
        parties = workers_from(org, workers)
    except ValidationError as exc:
        _merge(errors, exc)
    try:
        checked = claims_from(claims)
    except ValidationError as exc:
        _merge(errors, exc)
    if not workers and "workers" not in errors:
        errors["workers"] = [_("请至少登记一名职工当事人。")]
    if errors or enterprise is None:
        raise ValidationError(errors)
    dispute = Dispute.objects.create(
        org=org,
        enterprise=enterprise,
        enterprise_name=enterprise.name,
        source=source,
        status=Status.OPEN,
        summary=text,
        court_ref=clean_text(court_ref)[:60],
        received_on=received_on or today,
        created_by=actor,
    )
    _save_parts(dispute, parties, checked)
    audit_record(actor=actor, action=AuditAction.CREATE, target=dispute, org=org, detail={"source": source})
    _recount(dispute, actor)
    return dispute


@transaction.atomic
def dispute_apply(
    *, actor: User, person: Person, enterprise_name: str, summary: str, claims: Sequence[ClaimIn] = ()
) -> Dispute:
    """A worker applies for mediation in 我的: the case goes to their union, waiting to be accepted."""
    membership = active_membership(person)
    if membership is None:
        raise ValidationError(_("请先加入工会，或到工会服务中心现场申请调解。"))
    errors: dict[str, str] = {}
    name = clean_text(enterprise_name)[:200]
    if not name:
        errors["enterprise_name"] = _("请填写用人单位名称。")
    text = long_text(summary, 2000)
    if not text:
        errors["summary"] = _("请说明争议的经过和您的请求。")
    if errors:
        raise ValidationError(errors)
    checked = claims_from(claims)
    dispute = Dispute.objects.create(
        org=membership.org,
        enterprise_name=name,
        source=DisputeSource.WORKER,
        status=Status.SUBMITTED,
        summary=text,
        received_on=timezone.localdate(),
        reporter=person,
        created_by=actor,
    )
    _save_parts(dispute, [Party(person=person, name=person.name, id_number=person.id_number)], checked)
    _recount(dispute, actor)
    return dispute


def moved(dispute: Dispute, allowed: Sequence[str], to: str, **fields: object) -> None:
    """Move the dispute from one of `allowed` to `to` with one conditional UPDATE: of two officers acting
    at once, one wins and the other is told the case has moved on."""
    done = Dispute.objects.filter(pk=dispute.pk, status__in=list(allowed)).update(
        status=to, updated_at=timezone.now(), **fields
    )
    if not done:
        dispute.refresh_from_db(fields=["status"])
        raise ValidationError(
            _("该案件当前为“%(s)s”，不能进行此操作。") % {"s": Status(dispute.status).label}, code="moved"
        )
    dispute.status = to
    for name, value in fields.items():
        setattr(dispute, name, value)


@transaction.atomic
def dispute_accept(*, actor: User, dispute: Dispute, enterprise_uscc: str) -> Dispute:
    """受理 a worker's application, naming the enterprise (under the case's union) by its code."""
    require_rights(actor, dispute.org)
    enterprise = enterprise_in_scope(actor, enterprise_uscc, dispute.org, Perm.RIGHTS, field="enterprise")
    moved(dispute, [Status.SUBMITTED], Status.OPEN, enterprise=enterprise, enterprise_name=enterprise.name)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=dispute, org=dispute.org, detail={"to": "open"})
    return dispute


@transaction.atomic
def dispute_decline(*, actor: User, dispute: Dispute, reason: str) -> Dispute:
    """不予受理 a worker's application, saying why (the worker reads it in 我的)."""
    require_rights(actor, dispute.org)
    reason = clean_text(reason)[:500]
    if not reason:
        raise ValidationError({"reason": _("请填写不予受理的原因。")})
    moved(dispute, [Status.SUBMITTED], Status.DECLINED, closed_on=timezone.localdate(), outcome_note=reason)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=dispute, org=dispute.org, detail={"to": "declined"})
    return dispute


@transaction.atomic
def parties_add(*, actor: User, dispute: Dispute, workers: Sequence[WorkerIn]) -> Dispute:
    """More workers join a live dispute (which may make it collective)."""
    require_rights(actor, dispute.org)
    if not dispute.is_live:
        raise ValidationError(_("案件已结案，不能再增加当事人。"))
    if not workers:
        raise ValidationError({"workers": _("请至少登记一名职工当事人。")})
    parties = workers_from(dispute.org, workers)
    present = set(dispute.parties.values_list("id_hmac", flat=True))
    if any(document_hmac(p.id_number.reveal()) in present for p in parties if p.id_number is not None):
        raise ValidationError({"workers": _("该职工已是本案当事人。")})
    _save_parts(dispute, parties, [])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=dispute, org=dispute.org, detail={"parties": len(parties)}
    )
    _recount(dispute, actor)
    return dispute


@transaction.atomic
def claims_set(*, actor: User, dispute: Dispute, claims: Sequence[ClaimIn]) -> Dispute:
    """Replace the claims of a live dispute."""
    require_rights(actor, dispute.org)
    if not dispute.is_live:
        raise ValidationError(_("案件已结案，不能再修改请求事项。"))
    checked = claims_from(claims)
    Claim.objects.filter(dispute=dispute).delete()
    _save_parts(dispute, [], checked)
    _recount(dispute, actor)
    return dispute
