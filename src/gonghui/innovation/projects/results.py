"""五小 results: grades by rank, the public notice (公示) with objections, awards and e-certificates."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.mobile import validate_mobile
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.innovation.choices import Grade, ProjectStatus
from gonghui.innovation.models import InnovationCall, Objection, Project
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require


def grade_for(rank: int, score: Any, call: InnovationCall) -> str:
    """一/二/三等奖 by rank within the call's numbers, 优秀奖 for the rest at or above the merit score."""
    if score is None or score < call.merit_score:
        return Grade.NONE
    if rank <= call.first_prizes:
        return Grade.FIRST
    if rank <= call.first_prizes + call.second_prizes:
        return Grade.SECOND
    if rank <= call.first_prizes + call.second_prizes + call.third_prizes:
        return Grade.THIRD
    return Grade.MERIT


@transaction.atomic
def call_announce(*, actor: Any, call: InnovationCall, today: dt.date | None = None) -> int:
    """Grade the ranked finalists and open the public notice; returns how many projects are on notice."""
    require(actor, call.org, Perm.REVIEW)
    call = InnovationCall.objects.select_for_update().get(pk=call.pk)
    if call.notice_starts:
        raise ValidationError(_("本批次的评审结果已经公示。"))
    if Project.objects.filter(call=call, status=ProjectStatus.IN_REVIEW).exists():
        raise ValidationError(_("还有项目在评审中，各级评审结束后才能公示结果。"))
    finalists = list(Project.objects.filter(call=call, status=ProjectStatus.RANKED).order_by("rank", "pk"))
    if not finalists:
        raise ValidationError(_("本批次没有进入终评排名的项目。"))
    on_notice = 0
    for project in finalists:
        project.grade = grade_for(project.rank or 0, project.final_score, call)
        project.status = ProjectStatus.NOTICE if project.grade else ProjectStatus.NOT_AWARDED
        on_notice += bool(project.grade)
    Project.objects.bulk_update(finalists, ["grade", "status"])
    today = today or timezone.localdate()
    call.notice_starts, call.notice_ends = today, today + dt.timedelta(days=call.notice_days - 1)
    call.save(update_fields=["notice_starts", "notice_ends"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=call, org=call.org, detail={"notice": on_notice})
    return on_notice


def objection_raise(*, project: Project, text: str, contact_name: str = "", contact_phone: str = "") -> Objection:
    """Anyone may object while the project is on public notice; a phone number is sealed like any other."""
    call = project.call
    today = timezone.localdate()
    starts, ends = call.notice_starts, call.notice_ends
    if project.status != ProjectStatus.NOTICE or starts is None or ends is None or not starts <= today <= ends:
        raise ValidationError(_("该项目不在公示期内。"))
    if len(clean_text(text)) < 5:
        raise ValidationError({"text": _("请写明异议的具体内容。")})
    phone = validate_mobile(contact_phone) if contact_phone.strip() else ""
    return Objection.objects.create(
        project=project, text=text.strip(), contact_name=clean_text(contact_name)[:50], contact_phone=phone
    )


@transaction.atomic
def objection_resolve(*, actor: Any, objection: Objection, upheld: bool, resolution: str) -> Objection:
    """Settle an objection; an upheld one withdraws the project's award."""
    require(actor, objection.project.call.org, Perm.REVIEW)
    if objection.upheld is not None:
        raise ValidationError(_("该异议已经处理。"))
    if not resolution.strip():
        raise ValidationError({"resolution": _("请填写处理意见。")})
    objection.upheld, objection.resolution, objection.resolved_by = upheld, resolution.strip(), actor
    objection.save(update_fields=["upheld", "resolution", "resolved_by"])
    if upheld:
        Project.objects.filter(pk=objection.project_id).update(
            status=ProjectStatus.WITHDRAWN, grade=Grade.NONE, withdrawn_reason=resolution.strip()[:200]
        )
    return objection


_CHECK_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread off paper


def certificate_number(call: InnovationCall, n: int) -> str:
    """Batch and place, readable ("WX2026000300001"), then 8 random characters: the certificate's public page
    is reached by its number, and 32⁸ guesses per number keep anyone from walking through them."""
    check = "".join(secrets.choice(_CHECK_ALPHABET) for _ in range(8))
    return f"WX{call.year}{call.pk:04d}{n:04d}-{check}"


@transaction.atomic
def call_confirm_awards(*, actor: Any, call: InnovationCall, today: dt.date | None = None) -> int:
    """After the notice ends with every objection settled: award and number the certificates."""
    require(actor, call.org, Perm.REVIEW)
    call = InnovationCall.objects.select_for_update().get(pk=call.pk)
    today = today or timezone.localdate()
    if not call.notice_ends or today <= call.notice_ends:
        raise ValidationError(_("公示期尚未结束（%(end)s），不能确认获奖。") % {"end": call.notice_ends or "—"})
    if call.published_at:
        raise ValidationError(_("本批次的获奖结果已经确认。"))
    if Objection.objects.filter(project__call=call, upheld__isnull=True).exists():
        raise ValidationError(_("还有未处理的公示异议。"))
    winners = list(Project.objects.filter(call=call, status=ProjectStatus.NOTICE).order_by("rank", "pk"))
    for n, project in enumerate(winners, start=1):
        project.status = ProjectStatus.AWARDED
        project.certificate_no = certificate_number(call, n)
    Project.objects.bulk_update(winners, ["status", "certificate_no"])
    call.published_at = timezone.now()
    call.save(update_fields=["published_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=call, org=call.org, detail={"awarded": len(winners)})
    return len(winners)
