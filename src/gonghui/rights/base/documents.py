"""Generated documents (调解协议, 法治体检 reports, contract texts): .docx from a Word template with the
case's fields filled in (docxtpl), and PDF from an HTML template (WeasyPrint) in a Chinese font that is
embedded (subset) in the file, so it prints the same on any machine.

The caller decides what goes in: a document holds only fields its viewer may see (masked values where the
page shows masked values), because a file leaves the platform's checks once downloaded.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

TEMPLATES = Path(__file__).resolve().parent / "docx"
# The first of these fontconfig finds is used (fonts-wqy-microhei on Debian, which CI installs); WeasyPrint
# embeds the glyphs the document uses.
CJK_FONTS = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "SimSun", sans-serif'


class DocumentError(Exception):
    """The document could not be produced (a template or the PDF engine's system libraries missing)."""


def docx_bytes(template: str | Path, context: dict[str, Any]) -> bytes:
    """Fill a .docx template (Jinja tags inside Word, docxtpl) and return the file's bytes."""
    from docxtpl import DocxTemplate  # imported on use: only document downloads need it

    path = Path(template)
    if not path.is_absolute():
        path = TEMPLATES / path
    if not path.exists():
        raise DocumentError(f"no such document template: {path.name}")
    document = DocxTemplate(str(path))
    document.render(context, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(template: str, context: dict[str, Any]) -> bytes:
    """Render a Django HTML template (extending "rights/print_base.html") to PDF with a Chinese font embedded."""
    return pdf_from_html(render_to_string(template, {**context, "cjk_fonts": CJK_FONTS}))


def pdf_from_html(html: str) -> bytes:
    try:
        import weasyprint  # imported on use: it loads Pango, a system library
    except OSError as exc:  # pragma: no cover - a machine without Pango
        raise DocumentError("PDF needs the Pango library (Debian: libpango-1.0-0 libpangoft2-1.0-0)") from exc
    return bytes(weasyprint.HTML(string=html).write_pdf())
