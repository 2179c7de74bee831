"""The stages of a negotiation, each with its date, in order: 要约 (opening, in `services`) → 协商会议 (with
minutes) → 职代会审议 (a session of the enterprise's 职代会 that adopted the draft) → 签订 → 报送人社审查 → 公示.
An enterprise contract without the 职代会's deliberation is refused at signing (《集体合同规定》第三十六条);
a regional or industry contract may be signed after its meetings. Documents are checked like other uploads."""

from __future__ import annotations

import datetime as dt
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.uploads import check_upload
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.rights.contracts.choices import ContractLevel, ContractStage, DocumentKind
from gonghui.rights.contracts.models import Contract, Document, Meeting
from gonghui.rights.contracts.services import locked, recount
from gonghui.rights.democracy.models import Session
from gonghui.rights.democracy.selectors import adopted_contract, deliberated

DOCUMENT_BYTES = 10 * 1024 * 1024
SUMMARY_MAX = 2000


def _date(value: dt.date, after: dt.date | None, field: str, what: str, earlier: str) -> None:
    if value > timezone.localdate():
        raise ValidationError({field: _("%(what)s不能晚于今天。") % {"what": what}})
    if after is not None and value < after:
        raise ValidationError(
            {field: _("%(what)s不能早于%(earlier)s（%(d)s）。") % {"what": what, "earlier": earlier, "d": after}}
        )


def _stage(contract: Contract, allowed: tuple[str, ...], doing: str) -> None:
    if contract.stage not in allowed:
        raise ValidationError(
            _("合同目前“%(stage)s”，不能%(doing)s。") % {"stage": contract.get_stage_display(), "doing": doing}
        )


def _save_document(
    contract: Contract, actor: User, kind: str, file: IO[bytes], size: int, meeting: Meeting | None = None
) -> Document:
    try:
        checked = check_upload(file, size=size, families={"pdf", "image"}, max_bytes=DOCUMENT_BYTES)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None
    document = Document(
        contract=contract, kind=kind, meeting=meeting, content_type=checked.content_type, uploaded_by=actor
    )
    document.file.save(checked.filename, File(file), save=False)
    document.save()
    return document


@transaction.atomic
def document_attach(*, actor: User, contract: Contract, kind: str, file: IO[bytes], size: int) -> Document:
    """A document of the negotiation (要约书, 合同文本, 审查意见, 公示材料 …): a PDF or a photo."""
    contract = locked(contract)
    require(actor, contract.org, Perm.ORG_EDIT)
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("材料类别无效。")})
    document = _save_document(contract, actor, kind, file, size)
    audit_record(actor=actor, action=AuditAction.CREATE, target=document, org=contract.org, detail={"kind": kind})
    return document


@transaction.atomic
def meeting_record(
    *, actor: User, contract: Contract, held_on: dt.date, summary: str, minutes: IO[bytes] | None = None, size: int = 0
) -> Meeting:
    """A round of 集体协商 with its minutes (the summary, and the signed minutes as a file)."""
    contract = locked(contract)
    require(actor, contract.org, Perm.ORG_EDIT)
    _stage(contract, (ContractStage.OFFERED, ContractStage.NEGOTIATING), _("再登记协商会议"))
    _date(held_on, contract.offered_on, "held_on", _("会议日期"), _("要约日期"))
    text = summary.strip()
    if not text:
        raise ValidationError({"summary": _("请填写会议纪要（双方议定的事项和分歧）。")})
    if len(text) > SUMMARY_MAX:
        raise ValidationError({"summary": _("会议纪要不超过%(n)s字，全文可上传附件。") % {"n": SUMMARY_MAX}})
    meeting = Meeting.objects.create(contract=contract, held_on=held_on, summary=text, created_by=actor)
    if minutes is not None:
        _save_document(contract, actor, DocumentKind.MINUTES, minutes, size, meeting)
    contract.stage = ContractStage.NEGOTIATING
    contract.save(update_fields=["stage", "updated_at"])
    audit_record(actor=actor, action=AuditAction.CREATE, target=meeting, org=contract.org)
    return meeting


@transaction.atomic
def contract_deliberate(*, actor: User, contract: Contract, session: Session) -> Contract:
    """Link the 职代会 session that adopted the draft (a session of the contract's own enterprise)."""
    contract = locked(contract)
    require(actor, contract.org, Perm.ORG_EDIT)
    _stage(contract, (ContractStage.NEGOTIATING,), _("登记职代会审议（须先登记协商会议）"))
    if contract.level != ContractLevel.ENTERPRISE or session.enterprise_id != contract.enterprise_id:
        raise ValidationError({"session": _("所选会议不是本企业的职代会。")})
    last = Meeting.objects.filter(contract=contract).aggregate(d=Max("held_on"))["d"]
    if last and session.held_on < last:
        raise ValidationError({"session": _("职代会审议应在协商会议（%(d)s）之后。") % {"d": last}})
    if not adopted_contract(session):
        raise ValidationError({"session": _("该次职代会没有通过集体合同草案的决议，请先在职代会会议中登记决议。")})
    contract.session = session
    contract.stage = ContractStage.DELIBERATED
    contract.save(update_fields=["session", "stage", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=contract, org=contract.org, detail={"session": session.pk}
    )
    return contract


@transaction.atomic
def contract_sign(*, actor: User, contract: Contract, signed_on: dt.date) -> Contract:
    """签订. An enterprise contract must have been deliberated by its 职代会 on or before the day."""
    contract = locked(contract)
    require(actor, contract.org, Perm.ORG_EDIT)
    _stage(contract, (ContractStage.NEGOTIATING, ContractStage.DELIBERATED), _("签订"))
    after = contract.session.held_on if contract.session_id and contract.session else contract.offered_on
    _date(signed_on, after, "signed_on", _("签订日期"), _("职代会审议日期") if contract.session_id else _("要约日期"))
    if contract.level == ContractLevel.ENTERPRISE and (
        contract.session_id is None
        or contract.enterprise_id is None
        or not deliberated(contract.enterprise_id, signed_on)
    ):
        raise ValidationError(
            {"signed_on": _("企业集体合同草案须经职工代表大会审议通过后方可签订，请先登记职代会审议。")}
        )
    contract.stage = ContractStage.SIGNED
    contract.signed_on = signed_on
    recount(contract)
    contract.save(update_fields=["stage", "signed_on", "workers", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=contract, org=contract.org, detail={"stage": contract.stage}
    )
    return contract


@transaction.atomic
def contract_file(*, actor: User, contract: Contract, filed_on: dt.date) -> Contract:
    """报送人力资源社会保障部门审查 (within ten days of signing, by law; a later date is recorded as it was)."""
    contract = locked(contract)
    require(actor, contract.org, Perm.ORG_EDIT)
    _stage(contract, (ContractStage.SIGNED,), _("报送审查"))
    _date(filed_on, contract.signed_on, "filed_on", _("报送日期"), _("签订日期"))
    contract.stage, contract.filed_on = ContractStage.FILED, filed_on
    contract.save(update_fields=["stage", "filed_on", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=contract, org=contract.org, detail={"stage": contract.stage}
    )
    return contract


@transaction.atomic
def contract_publish(*, actor: User, contract: Contract, published_on: dt.date) -> Contract:
    """公示 to the workers after the review."""
    contract = locked(contract)
    require(actor, contract.org, Perm.ORG_EDIT)
    _stage(contract, (ContractStage.FILED,), _("公示（须先报送人社审查）"))
    _date(published_on, contract.filed_on, "published_on", _("公示日期"), _("报送日期"))
    contract.stage, contract.published_on = ContractStage.PUBLISHED, published_on
    contract.save(update_fields=["stage", "published_on", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=contract, org=contract.org, detail={"stage": contract.stage}
    )
    return contract
