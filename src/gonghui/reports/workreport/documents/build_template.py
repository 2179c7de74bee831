"""Builds work_report.docx, the Word template of the work report (工作报告), with python-docx.

The template holds docxtpl (Jinja) tags; `{%p … %}` tags stand alone in their paragraphs, as docxtpl needs.
Run `python -m gonghui.reports.workreport.documents.build_template` after changing the layout here, and commit
the file (a test checks the committed template is this one's output).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

TEMPLATE = Path(__file__).resolve().parent / "work_report.docx"
BODY_FONT = "FangSong"  # 仿宋, the body font of Chinese official papers; Word substitutes a CJK font if missing
TITLE_FONT = "SimHei"  # 黑体 for the title and the section headings

# (style, text): "title", "subtitle", "heading", "body", "tag" (a docxtpl paragraph tag)
LINES: list[tuple[str, str]] = [
    ("title", "{{ title }}"),
    ("subtitle", "{{ subtitle }}"),
    ("tag", "{%p for p in paragraphs %}"),
    ("tag", "{%p if p.heading %}"),
    ("heading", "{{ p.heading }}"),
    ("tag", "{%p endif %}"),
    ("body", "{{ p.text }}"),
    ("tag", "{%p endfor %}"),
]


def _font(run: Any, name: str, size: float, *, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.rPr.rFonts.set(qn("w:eastAsia"), name)  # CJK text's own font slot


def build(path: Path = TEMPLATE) -> Path:
    document = Document()
    for style, text in LINES:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if style == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(run, TITLE_FONT, 22, bold=True)
        elif style == "subtitle":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(run, BODY_FONT, 12)
        elif style == "heading":
            _font(run, TITLE_FONT, 16)
            paragraph.paragraph_format.space_before = Pt(12)
        else:
            _font(run, BODY_FONT, 16)
            if style == "body":
                paragraph.paragraph_format.first_line_indent = Pt(32)  # two characters, as reports indent
                paragraph.paragraph_format.line_spacing = Pt(28)
    document.core_properties.title = "工作报告"
    document.core_properties.author = "Gonghui"
    document.save(str(path))
    return path


if __name__ == "__main__":  # pragma: no cover
    build()
