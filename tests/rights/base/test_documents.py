"""Generated documents: a Word template filled in, and a PDF that carries its Chinese font."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document

from gonghui.rights.base.documents import CJK_FONTS, DocumentError, docx_bytes, pdf_from_html


def _template(tmp_path: Path) -> Path:
    document = Document()
    document.add_heading("人民调解协议书", level=1)
    document.add_paragraph("申请人：{{ worker }}；被申请人：{{ enterprise }}")
    path = tmp_path / "agreement.docx"
    document.save(str(path))
    return path


def test_a_word_template_is_filled_in_and_escaped(tmp_path: Path) -> None:
    data = docx_bytes(_template(tmp_path), {"worker": "王芳", "enterprise": "德力西电气<有限>公司"})
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "申请人：王芳；被申请人：德力西电气<有限>公司" in text  # escaped in the XML, shown as typed


def test_a_missing_template_is_a_clear_error() -> None:
    with pytest.raises(DocumentError, match="no such document template"):
        docx_bytes("no-such.docx", {})


def test_the_pdf_embeds_a_chinese_font(monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint
    from django.template import engines

    real = weasyprint.HTML.write_pdf
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda self: real(self, uncompressed_pdf=True))  # readable
    page = engines["django"].from_string(
        '{% extends "rights/print_base.html" %}{% block body %}<h1>人民调解协议书</h1>{% endblock %}'
    )
    data = pdf_from_html(page.render({"cjk_fonts": CJK_FONTS}))
    assert data.startswith(b"%PDF")
    fonts = re.findall(rb"/BaseFont\s*/([^\s/]+)", data)
    assert any(b"WenQuanYi" in f for f in fonts) and b"/FontFile" in data  # a subset of the font, in the file
