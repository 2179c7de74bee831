"""The report as files: the Word template rebuilds to the committed one; the .docx opens (python-docx) and the
PDF's text (read back from the file) say the Chinese figures and the cadre's edits."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from docx import Document

from gonghui.reports.workreport import export, services
from gonghui.reports.workreport.documents.build_template import TEMPLATE, build
from gonghui.reports.workreport.models import Draft
from tests.reports.workreport.conftest import Desk
from tests.reports.workreport.pdftext import pdf_text

pytestmark = pytest.mark.django_db

FIGURES = ("20余场", "为20多家企业解决了60多个难题", "帮助超300名职工提升技能水平", "预期产生经济效益超500万元")


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def _draft(desk: Desk) -> Draft:
    draft = services.draft_generate(actor=desk.tree.cadre, org=desk.tree.county, period=desk.period)
    return services.draft_edit(
        actor=desk.tree.cadre, draft=draft, paragraph_id="opening", text="今年，全县工会奋发有为。"
    )


def test_the_committed_template_is_what_the_script_builds(tmp_path: Path) -> None:
    rebuilt = build(tmp_path / "work_report.docx")
    assert _docx_text(rebuilt.read_bytes()) == _docx_text(TEMPLATE.read_bytes())
    assert "{%p for p in paragraphs %}" in _docx_text(TEMPLATE.read_bytes())


def test_the_word_file_opens_with_the_figures_headings_and_edits(desk: Desk) -> None:
    text = _docx_text(export.draft_docx(_draft(desk)))
    lines = text.split("\n")
    assert lines[0].startswith("商南县总工会") and lines[0].endswith("工作报告")
    assert "今年，全县工会奋发有为。" in lines and "一、组织建设" in lines and "二、劳模工匠助企行" in lines
    assert all(figure in text for figure in FIGURES)
    assert "{{" not in text and "{%" not in text


def test_the_pdf_says_the_chinese_figures(desk: Desk) -> None:
    data = export.draft_pdf(_draft(desk))
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "工作报告" in text and "今年，全县工会奋发有为。" in text and "二、劳模工匠助企行" in text
    assert all(figure in text for figure in FIGURES)


def test_the_file_is_named_for_the_report(desk: Desk) -> None:
    draft = _draft(desk)
    header = export.content_disposition(draft, "docx")
    assert header.startswith(f'attachment; filename="workreport-{draft.pk}.docx"')
    named = re.search(r"filename\*=UTF-8''(.+)$", header)
    assert named and unquote(named[1]) == f"商南县总工会{desk.period}工作报告.docx"
    with pytest.raises(ValueError):
        export.draft_file(draft, "txt")
