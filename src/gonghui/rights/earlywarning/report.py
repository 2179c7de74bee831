"""The 法治体检 report as a PDF (rights.base.documents): the enterprise, the visit, each item's finding, the
rectification items with their deadlines and state, and the re-checks. It holds no person's data beyond the
check-up team the union names."""

from __future__ import annotations

from django.utils import timezone

from gonghui.rights.base.documents import pdf_bytes
from gonghui.rights.earlywarning.models import Checkup


def checkup_pdf(checkup: Checkup) -> bytes:
    findings = list(checkup.findings.prefetch_related("rectifications"))
    context = {
        "checkup": checkup,
        "findings": findings,
        "items": [r for f in findings for r in f.rectifications.all()],
        "rechecks": list(checkup.rechecks.all()),
        "printed_on": timezone.localdate(),
    }
    return pdf_bytes("earlywarning/checkup_report.html", context)
