"""The help desk's writes: the expert pool, needs, dispatches, service records and the closed loop.

Every need ends resolved (confirmed and rated by the enterprise), unresolved with a reason, or escalated
to the federation above, where it opens again as a new need.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.mobile import validate_mobile
from gonghui.common.models import AuditAction
from gonghui.common.search_keys import to_simplified
from gonghui.common.textnorm import clean_text
from gonghui.experts.choices import DUE_AFTER, Channel, DispatchStatus, NeedStatus, Urgency
from gonghui.experts.models import Dispatch, Expert, Need, ServiceRecord
from gonghui.experts.recommend import expert_grams, explain
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode, Region
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require


@dataclass
class ExpertProfile:
    kind: str
    specialties: list[str]
    region: Region
    honor: str = ""
    bio: str = ""
    industry: str = ""
    employer: Enterprise | None = None
    max_load: int = 3
    available: bool = True
    is_front_line: bool = True


def _tags(specialties: list[str]) -> list[str]:
    """Tidy, simplified, de-duplicated tags (matching against a need's text is then a plain substring test)."""
    tags = []
    for tag in specialties:
        tag = to_simplified(clean_text(tag))
        if tag and tag not in tags:
            tags.append(tag[:20])
    return tags[:20]


def checked_profile(profile: ExpertProfile) -> ExpertProfile:
    """The profile with tidy tags, or field errors: the same rules for a direct enrolment and an invitation."""
    profile.specialties = _tags(profile.specialties)
    if not profile.specialties:
        raise ValidationError({"specialties": _("请至少填写一项专长。")})
    if profile.max_load < 1:
        raise ValidationError({"max_load": _("同时服务上限至少为 1。")})
    return profile


@transaction.atomic
def expert_enrol(*, actor: Any, org: OrgNode, person: Person, profile: ExpertProfile) -> Expert:
    """Add a model worker or craftsman to `org`'s pool, or update their profile there."""
    require(actor, org, Perm.ORG_EDIT)
    return pool_place(org=org, person=person, profile=checked_profile(profile))


def pool_place(*, org: OrgNode, person: Person, profile: ExpertProfile) -> Expert:
    """The pool row itself, once the caller has been checked (a cadre of `org`, or the invited person)."""
    tags = profile.specialties
    expert, _created = Expert.objects.update_or_create(
        org=org,
        person=person,
        defaults={
            "kind": profile.kind,
            "honor": clean_text(profile.honor),
            "specialties": tags,
            "bio": profile.bio.strip(),
            "grams": expert_grams(tags, profile.bio),
            "tag_text": "\n".join(tags),
            "industry": profile.industry,
            "region": profile.region,
            "employer": profile.employer,
            "max_load": profile.max_load,
            "available": profile.available,
            "is_front_line": profile.is_front_line,
        },
    )
    return expert


@dataclass
class NeedText:
    category: str
    title: str
    problem: str
    equipment: str = ""
    urgency: str = Urgency.NORMAL
    contact_name: str = ""
    contact_phone: str = ""


@transaction.atomic
def need_post(
    *, actor: Any, enterprise: Enterprise, text: NeedText, org: OrgNode | None = None, by_portal: bool = False
) -> Need:
    """An enterprise's problem reaches the desk of its union (or `org` above it, when a cadre posts there)."""
    org = org or enterprise.union
    if not by_portal:
        require(actor, org, Perm.ORG_EDIT)
    if not enterprise.union.path.startswith(org.path):
        raise ValidationError({"enterprise": _("该企业不在本工会服务范围内。")})
    errors: dict[str, str] = {}
    if not clean_text(text.title):
        errors["title"] = _("请填写需求名称。")
    if len(clean_text(text.problem)) < 10:
        errors["problem"] = _("请具体描述遇到的问题（至少 10 个字）。")
    if not clean_text(text.contact_name):
        errors["contact_name"] = _("请填写联系人。")
    phone = ""
    try:
        phone = validate_mobile(text.contact_phone)
    except ValidationError as exc:
        errors["contact_phone"] = exc.messages[0]
    if errors:
        raise ValidationError(errors)
    need = Need.objects.create(
        org=org,
        enterprise=enterprise,
        category=text.category,
        title=clean_text(text.title),
        problem=text.problem.strip(),
        equipment=clean_text(text.equipment),
        urgency=text.urgency,
        channel=Channel.PORTAL if by_portal else Channel.CADRE,
        contact_name=clean_text(text.contact_name),
        contact_phone=phone,
        due_on=timezone.localdate() + DUE_AFTER[Urgency(text.urgency)],
        posted_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=need, org=org, detail={"portal": by_portal})
    return need


def _locked_need(need: Need, *statuses: NeedStatus) -> Need:
    need = Need.objects.select_for_update().select_related("org", "enterprise").get(pk=need.pk)
    if need.status not in statuses:
        raise ValidationError(_("需求当前为“%(s)s”，不能进行此操作。") % {"s": need.get_status_display()})
    return need


@transaction.atomic
def dispatch_expert(*, actor: Any, need: Need, expert: Expert) -> Dispatch:
    """点将: send an expert (from a pool the need can draw on), recording why the desk ranked them."""
    require(actor, need.org, Perm.ORG_EDIT)
    need = _locked_need(need, NeedStatus.OPEN, NeedStatus.DISPATCHED)
    expert = Expert.objects.select_for_update().select_related("org").get(pk=expert.pk)
    if not need.org.path.startswith(expert.org.path):
        raise ValidationError(_("该专家不在本需求可调用的专家库中。"))
    if not expert.available or expert.active_load >= expert.max_load:
        raise ValidationError(_("%(name)s目前不能再接派单。") % {"name": expert.person.name})
    reasons = explain(need, expert)
    try:
        with transaction.atomic():
            dispatch = Dispatch.objects.create(need=need, expert=expert, reasons=reasons, dispatched_by=actor)
    except IntegrityError:
        raise ValidationError(_("已向该专家派过这项需求。")) from None
    Expert.objects.filter(pk=expert.pk).update(active_load=F("active_load") + 1)
    Need.objects.filter(pk=need.pk).update(status=NeedStatus.DISPATCHED)
    return dispatch


@transaction.atomic
def service_record_add(
    *,
    actor: Any,
    dispatch: Dispatch,
    served_on: dt.date,
    hours: Decimal,
    diagnosis: str,
    solution: str,
    workers_trained: int = 0,
    benefit_yuan: Decimal = Decimal(0),
    benefit_evidence: str = "",
) -> ServiceRecord:
    require(actor, dispatch.need.org, Perm.ORG_EDIT)
    if dispatch.status != DispatchStatus.ACTIVE:
        raise ValidationError(_("该派单已结束。"))
    errors: dict[str, str] = {}
    if served_on > timezone.localdate():
        errors["served_on"] = _("服务日期不能晚于今天。")
    if hours < 0 or workers_trained < 0 or benefit_yuan < 0:
        errors["__all__"] = _("时长、人数和金额不能为负数。")
    if benefit_yuan > 0 and not clean_text(benefit_evidence):
        errors["benefit_evidence"] = _("填写了经济效益，请说明依据。")
    if len(clean_text(diagnosis)) < 4 or len(clean_text(solution)) < 4:
        errors["diagnosis"] = _("请填写诊断和解决方案。")
    if errors:
        raise ValidationError(errors)
    return ServiceRecord.objects.create(
        dispatch=dispatch,
        served_on=served_on,
        hours=hours,
        diagnosis=diagnosis.strip(),
        solution=solution.strip(),
        workers_trained=workers_trained,
        benefit_yuan=benefit_yuan,
        benefit_evidence=clean_text(benefit_evidence),
        recorded_by=actor,
    )


def _release(dispatches: list[Dispatch], status: DispatchStatus) -> None:
    for dispatch in dispatches:
        Dispatch.objects.filter(pk=dispatch.pk).update(status=status)
        Expert.objects.filter(pk=dispatch.expert_id, active_load__gt=0).update(active_load=F("active_load") - 1)


@transaction.atomic
def dispatch_complete(*, actor: Any, dispatch: Dispatch) -> Need:
    """The expert has done their part; when no one else is still on it, the enterprise is asked to confirm."""
    require(actor, dispatch.need.org, Perm.ORG_EDIT)
    need = _locked_need(dispatch.need, NeedStatus.DISPATCHED)
    dispatch = Dispatch.objects.get(pk=dispatch.pk)
    if dispatch.status != DispatchStatus.ACTIVE:
        raise ValidationError(_("该派单已结束。"))
    if not dispatch.records.exists():
        raise ValidationError(_("请先登记服务记录。"))
    _release([dispatch], DispatchStatus.DONE)
    if not need.dispatches.filter(status=DispatchStatus.ACTIVE).exists():
        need.status = NeedStatus.AWAITING
        need.save(update_fields=["status"])
    return need


def _apply_confirmation(need: Need, *, resolved: bool, rating: int | None, comment: str) -> None:
    if resolved:
        if rating is None or not 1 <= rating <= 5:
            raise ValidationError({"rating": _("请为本次服务打 1 到 5 分。")})
        need.status, need.rating, need.closed_at = NeedStatus.RESOLVED, rating, timezone.now()
    else:
        if not clean_text(comment):
            raise ValidationError({"comment": _("请说明还有哪些问题没有解决。")})
        need.status = NeedStatus.OPEN
    need.enterprise_comment = clean_text(comment)[:500]


@transaction.atomic
def need_confirm(*, enterprise: Enterprise, need: Need, resolved: bool, rating: int | None, comment: str = "") -> Need:
    """The enterprise's word: resolved (with a 1–5 rating), or not yet (back to the desk)."""
    need = _locked_need(need, NeedStatus.AWAITING)
    if need.enterprise_id != enterprise.pk:
        raise ValidationError(_("这不是贵单位提交的需求。"))
    _apply_confirmation(need, resolved=resolved, rating=rating, comment=comment)
    need.save(update_fields=["status", "rating", "closed_at", "enterprise_comment"])
    return need


@transaction.atomic
def need_confirm_recorded(
    *, actor: Any, need: Need, resolved: bool, rating: int | None, comment: str = "", evidence: str
) -> Need:
    """The enterprise's word taken down by a cadre (a return call, a signed form), with how it was given."""
    require(actor, need.org, Perm.ORG_EDIT)
    need = _locked_need(need, NeedStatus.AWAITING)
    evidence = clean_text(evidence)[:500]
    if not evidence:
        raise ValidationError({"evidence": _("请写明企业是如何确认的，如“电话回访企业联系人王经理”。")})
    _apply_confirmation(need, resolved=resolved, rating=rating, comment=comment)
    need.confirmed_by, need.confirmation_evidence = actor, evidence
    need.save(
        update_fields=["status", "rating", "closed_at", "enterprise_comment", "confirmed_by", "confirmation_evidence"]
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=need,
        org=need.org,
        detail={"confirmation_recorded": "resolved" if resolved else "not_resolved"},
    )
    return need


@transaction.atomic
def need_close_unresolved(*, actor: Any, need: Need, reason: str) -> Need:
    require(actor, need.org, Perm.ORG_EDIT)
    need = _locked_need(need, NeedStatus.OPEN, NeedStatus.DISPATCHED, NeedStatus.AWAITING)
    if not clean_text(reason):
        raise ValidationError({"reason": _("请写明未能解决的原因。")})
    _release(list(need.dispatches.filter(status=DispatchStatus.ACTIVE)), DispatchStatus.WITHDRAWN)
    need.status, need.close_reason, need.closed_at = NeedStatus.UNRESOLVED, clean_text(reason), timezone.now()
    need.save(update_fields=["status", "close_reason", "closed_at"])
    return need


@transaction.atomic
def need_escalate(*, actor: Any, need: Need, reason: str) -> Need:
    """Hand the need to the federation above: closed here as escalated, opened there as a new need."""
    require(actor, need.org, Perm.ORG_EDIT)
    need = _locked_need(need, NeedStatus.OPEN, NeedStatus.DISPATCHED)
    parent = OrgNode.objects.get_parent(need.org)
    if parent is None:
        raise ValidationError(_("已是最高一级工会，不能再上报。"))
    if not clean_text(reason):
        raise ValidationError({"reason": _("请写明上报原因。")})
    _release(list(need.dispatches.filter(status=DispatchStatus.ACTIVE)), DispatchStatus.WITHDRAWN)
    need.status, need.close_reason, need.escalated_to, need.closed_at = (
        NeedStatus.ESCALATED,
        clean_text(reason),
        parent,
        timezone.now(),
    )
    need.save(update_fields=["status", "close_reason", "escalated_to", "closed_at"])
    Need.objects.create(
        org=parent,
        enterprise=need.enterprise,
        category=need.category,
        title=need.title,
        problem=f"{need.problem}\n\n【{need.org.name}上报】{clean_text(reason)}",
        equipment=need.equipment,
        urgency=need.urgency,
        channel=Channel.CADRE,
        contact_name=need.contact_name,
        contact_phone=need.contact_phone,
        due_on=timezone.localdate() + DUE_AFTER[Urgency(need.urgency)],
        posted_by=actor,
    )
    return need
