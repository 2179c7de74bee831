"""The work report as files: Word (documents/work_report.docx through docxtpl) and PDF (workreport/print.html
through WeasyPrint, its Chinese font embedded), both from the draft as it reads, the cadre's edits included.
A report holds counts, never people, so a download needs no more than seeing the draft."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gonghui.reports.periods import period_label, period_parse
from gonghui.reports.workreport.documents.build_template import TEMPLATE
from gonghui.reports.workreport.models import Draft
from gonghui.reports.workreport.selectors import draft_paragraphs, draft_title
from gonghui.rights.base.documents import docx_bytes, pdf_bytes

PDF_TEMPLATE = "workreport/print.html"
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _period_text(draft: Draft) -> str:
    try:
        return period_label(period_parse(draft.period_key, today=timezone.localtime(draft.generated_at).date()))
    except ValidationError:  # a key stored by an older version: say it as stored
        return draft.period_key


def draft_context(draft: Draft) -> dict[str, Any]:
    generated = timezone.localtime(draft.figures_as_of or draft.generated_at)
    return {
        "title": draft_title(draft),
        "subtitle": _("%(union)s · 统计期间：%(period)s · 数据截至%(y)s年%(m)s月%(d)s日")
        % {
            "union": draft.org.name,
            "period": _period_text(draft),
            "y": generated.year,
            "m": generated.month,
            "d": generated.day,
        },
        "paragraphs": [{"heading": p.heading, "text": p.text} for p in draft_paragraphs(draft)],
    }


# A work report is a Chinese document whatever language the pages are in.
def draft_docx(draft: Draft) -> bytes:
    with translation.override("zh-hans"):
        return docx_bytes(TEMPLATE, draft_context(draft))


def draft_pdf(draft: Draft) -> bytes:
    with translation.override("zh-hans"):
        return pdf_bytes(PDF_TEMPLATE, draft_context(draft))


def draft_file(draft: Draft, fmt: str) -> tuple[bytes, str]:
    """The file's bytes and content type; `fmt` is docx or pdf (anything else: ValueError)."""
    if fmt == "docx":
        return draft_docx(draft), CONTENT_TYPES[fmt]
    if fmt == "pdf":
        return draft_pdf(draft), CONTENT_TYPES[fmt]
    raise ValueError(fmt)


def content_disposition(draft: Draft, fmt: str) -> str:
    """An attachment named for the report (RFC 5987 for the Chinese name, an ASCII fallback)."""
    name = f"{draft.org.name}{draft.period_key}工作报告.{fmt}"
    return f"attachment; filename=\"workreport-{draft.pk}.{fmt}\"; filename*=UTF-8''{quote(name)}"
