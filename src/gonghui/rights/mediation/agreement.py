"""The 调解协议 as a file: Word (from documents/agreement.docx) and PDF (mediation/agreement_pdf.html),
filled with the parties, claims, terms and payments. A file leaves the platform's checks once downloaded,
so it holds ID numbers in full only for a viewer with Perm.PII_FULL on the case's union, and that is
audited (EXPORT_PII); everyone else gets them masked."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.rights.base.documents import docx_bytes, pdf_bytes
from gonghui.rights.mediation.choices import ClaimKind, Judicial
from gonghui.rights.mediation.documents.build_template import TEMPLATE
from gonghui.rights.mediation.models import Agreement, Dispute

PDF_TEMPLATE = "mediation/agreement_pdf.html"


def _day(value: Any) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _judicial(agreement: Agreement) -> str:
    if agreement.judicial == Judicial.CONFIRMED:
        return _("已由%(c)s于%(d)s裁定确认") % {"c": agreement.court, "d": _day(agreement.judicial_decided_on)}
    if agreement.judicial == Judicial.APPLIED:
        return _("已于%(d)s向%(c)s申请") % {"c": agreement.court, "d": _day(agreement.judicial_applied_on)}
    if agreement.judicial == Judicial.REFUSED:
        return _("%(c)s裁定不予确认") % {"c": agreement.court}
    return _("未申请")


def agreement_context(dispute: Dispute, *, full: bool) -> dict[str, Any]:
    """What the document shows; ID numbers in full only when `full` (the caller checked and audits it)."""
    agreement: Agreement | None = getattr(dispute, "agreement", None)
    if agreement is None:
        raise ValidationError(_("该案件还没有调解协议。"))
    parties = [
        {"name": p.name, "id_number": p.id_number.reveal() if full and p.id_number else str(p.id_number or "")}
        for p in dispute.parties.all()
    ]
    claims = [
        {"kind": str(ClaimKind(c.kind).label), "amount": f"{c.amount:,.2f}", "note": f"（{c.note}）" if c.note else ""}
        for c in dispute.claims.all()
    ]
    payments = [
        {"n": n, "due_on": _day(p.due_on), "amount": f"{p.amount:,.2f}"}
        for n, p in enumerate(agreement.payments.all(), start=1)
    ]
    enterprise = dispute.enterprise
    return {
        "number": dispute.number,
        "parties": parties,
        "enterprise": dispute.enterprise_name,
        "uscc": enterprise.uscc if enterprise else "",
        "panel": dispute.panel.name if dispute.panel else dispute.org.name,
        "mediator": dispute.mediator.name if dispute.mediator else "",
        "summary": [line for line in dispute.summary.splitlines() if line.strip()],
        "claims": claims,
        "terms": [line for line in agreement.terms.splitlines() if line.strip()],
        "amount": f"{agreement.amount:,.2f}",
        "payments": payments,
        "judicial": _judicial(agreement),
        "worker_signatory": agreement.worker_signatory,
        "worker_confirmed_on": _day(agreement.worker_confirmed_on),
        "enterprise_signatory": agreement.enterprise_signatory,
        "enterprise_confirmed_on": _day(agreement.enterprise_confirmed_on),
        "signed_on": _day(agreement.signed_on),
    }


def _for(user: User, dispute: Dispute, fmt: str, request: HttpRequest | None) -> dict[str, Any]:
    full = can(user, Perm.PII_FULL, dispute.org)
    context = agreement_context(dispute, full=full)
    audit_record(
        actor=user,
        action=AuditAction.EXPORT_PII if full else AuditAction.EXPORT,
        target=dispute,
        org=dispute.org,
        detail={"document": "agreement", "format": fmt},
        request=request,
    )
    return context


# A legal paper is issued in Chinese whatever language the viewer's pages are in.
def agreement_docx(user: User, dispute: Dispute, request: HttpRequest | None = None) -> bytes:
    with translation.override("zh-hans"):
        return docx_bytes(TEMPLATE, _for(user, dispute, "docx", request))


def agreement_pdf(user: User, dispute: Dispute, request: HttpRequest | None = None) -> bytes:
    with translation.override("zh-hans"):
        return pdf_bytes(PDF_TEMPLATE, _for(user, dispute, "pdf", request))
