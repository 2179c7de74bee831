"""Writes of what a 职代会 session handles: proposals (提案) and resolutions (决议) with their follow-up, and
the enterprise's 厂务公开 items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.orgs.models import Enterprise
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.rights.democracy.choices import (
    CongressProposalStatus,
    DisclosureChannel,
    DisclosureTopic,
    ResolutionSubject,
)
from gonghui.rights.democracy.models import Disclosure, Proposal, Representative, Resolution, Session


@dataclass
class FollowUpFields:
    owner: str = ""
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    outcome: str = ""


def _follow_up(row: Proposal | Resolution, data: FollowUpFields, held_on: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    row.owner = clean_text(data.owner)[:100]
    row.outcome = data.outcome.strip()[:500]
    row.due_on, row.done_on = data.due_on, data.done_on
    if data.due_on and data.due_on < held_on:
        errors["due_on"] = _("办理期限不能早于会议日期。")
    if data.done_on and not held_on <= data.done_on <= timezone.localdate():
        errors["done_on"] = _("办结日期须在会议日期和今天之间。")
    return errors


def _title(text: str, field: str, message: str) -> str:
    title = clean_text(text)[:100]
    if not title:
        raise ValidationError({field: message})
    return title


@transaction.atomic
def proposal_add(
    *, actor: User, session: Session, title: str, by: Representative | None = None, follow: FollowUpFields | None = None
) -> Proposal:
    require(actor, session.enterprise.union, Perm.ORG_EDIT)
    proposal = Proposal(session=session, title=_title(title, "title", _("请填写提案标题。")), by=by)
    if by is not None and (by.enterprise_id != session.enterprise_id or by.term != session.term):
        raise ValidationError({"by": _("提案人须是本届职工代表。")})
    errors = _follow_up(proposal, follow or FollowUpFields(), session.held_on)
    if proposal.done_on:
        proposal.status = CongressProposalStatus.DONE
    if errors:
        raise ValidationError(errors)
    proposal.save()
    audit_record(actor=actor, action=AuditAction.CREATE, target=proposal, org=session.enterprise.union)
    return proposal


@transaction.atomic
def proposal_follow(*, actor: User, proposal: Proposal, status: str, follow: FollowUpFields) -> Proposal:
    """Record the follow-up: owner and due date, done (with its date and outcome) or declined (with why)."""
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("session__enterprise__union")
        .get(pk=proposal.pk)
    )
    require(actor, proposal.session.enterprise.union, Perm.ORG_EDIT)
    if status not in CongressProposalStatus.values:
        raise ValidationError({"status": _("提案状态无效。")})
    errors = _follow_up(proposal, follow, proposal.session.held_on)
    if status == CongressProposalStatus.DONE and not proposal.done_on:
        errors["done_on"] = _("已办结的提案须填写办结日期。")
    if status != CongressProposalStatus.DONE and proposal.done_on:
        errors["done_on"] = _("未办结的提案不填写办结日期。")
    if status == CongressProposalStatus.DECLINED and not proposal.outcome:
        errors["outcome"] = _("不予立案须说明理由。")
    if errors:
        raise ValidationError(errors)
    proposal.status = status
    proposal.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=proposal,
        org=proposal.session.enterprise.union,
        detail={"status": status},
    )
    return proposal


@transaction.atomic
def resolution_add(
    *,
    actor: User,
    session: Session,
    subject: str,
    title: str,
    votes_for: int,
    votes_against: int = 0,
    votes_abstain: int = 0,
    follow: FollowUpFields | None = None,
) -> Resolution:
    """A resolution and its vote. Adopted when the session was quorate (two thirds present) and more than half
    of all the 届's representatives voted for it (《企业民主管理规定》)."""
    require(actor, session.enterprise.union, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    if subject not in ResolutionSubject.values:
        errors["subject"] = _("决议事项无效。")
    if min(votes_for, votes_against, votes_abstain) < 0:
        errors["votes_for"] = _("票数不能为负。")
    elif votes_for + votes_against + votes_abstain > session.attended:
        errors["votes_for"] = _("赞成、反对、弃权票合计不能超过实到代表%(n)s人。") % {"n": session.attended}
    resolution = Resolution(
        session=session,
        subject=subject,
        title=_title(title, "title", _("请填写决议名称。")),
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstain=votes_abstain,
        adopted=session.quorate and votes_for * 2 > session.seats,
    )
    errors.update(_follow_up(resolution, follow or FollowUpFields(), session.held_on))
    if errors:
        raise ValidationError(errors)
    resolution.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=resolution,
        org=session.enterprise.union,
        detail={"subject": subject, "adopted": resolution.adopted},
    )
    return resolution


@transaction.atomic
def resolution_follow(*, actor: User, resolution: Resolution, follow: FollowUpFields) -> Resolution:
    resolution = (
        Resolution.objects.select_for_update(of=("self",))
        .select_related("session__enterprise__union")
        .get(pk=resolution.pk)
    )
    require(actor, resolution.session.enterprise.union, Perm.ORG_EDIT)
    errors = _follow_up(resolution, follow, resolution.session.held_on)
    if errors:
        raise ValidationError(errors)
    resolution.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=resolution, org=resolution.session.enterprise.union)
    return resolution


@transaction.atomic
def disclosure_add(
    *,
    actor: User,
    enterprise: Enterprise,
    topic: str,
    title: str,
    disclosed_on: dt.date,
    channel: str,
    session: Session | None = None,
) -> Disclosure:
    """Record a 厂务公开 item; one disclosed at the 职代会 names its session."""
    require(actor, enterprise.union, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    if topic not in DisclosureTopic.values:
        errors["topic"] = _("公开事项类别无效。")
    if channel not in DisclosureChannel.values:
        errors["channel"] = _("公开形式无效。")
    if disclosed_on > timezone.localdate():
        errors["disclosed_on"] = _("公开日期不能晚于今天。")
    if channel == DisclosureChannel.CONGRESS and session is None:
        errors["session"] = _("在职代会上公开的，请选择是哪一次会议。")
    if session is not None and session.enterprise_id != enterprise.pk:
        errors["session"] = _("所选会议不是本企业的职代会。")
    text = clean_text(title)[:200]
    if not text:
        errors["title"] = _("请填写公开内容。")
    if errors:
        raise ValidationError(errors)
    item = Disclosure.objects.create(
        enterprise=enterprise,
        topic=topic,
        title=text,
        disclosed_on=disclosed_on,
        channel=channel,
        session=session if channel == DisclosureChannel.CONGRESS else None,
        created_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=item, org=enterprise.union)
    return item
