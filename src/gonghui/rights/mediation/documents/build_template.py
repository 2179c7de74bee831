"""Builds agreement.docx, the Word template of the 调解协议 (人民调解协议书), with python-docx.

The template holds docxtpl (Jinja) tags; `{%p … %}` tags stand alone in their paragraphs, as docxtpl
needs. Run `python -m gonghui.rights.mediation.documents.build_template` after changing the text here, and
commit the file (a test checks the committed template is this one's output).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

TEMPLATE = Path(__file__).resolve().parent / "agreement.docx"
FONT = "SimSun"  # 宋体, the font of Chinese official papers; Word substitutes a CJK font where it is missing

# (style, text): "title", "heading", "body", "tag" (a docxtpl paragraph tag), "sign"
LINES: list[tuple[str, str]] = [
    ("title", "人民调解协议书"),
    ("right", "编号：{{ number }}"),
    ("heading", "一、当事人"),
    ("body", "申请人（职工方）："),
    ("tag", "{%p for p in parties %}"),
    ("body", "{{ p.name }}，公民身份号码：{{ p.id_number }}"),
    ("tag", "{%p endfor %}"),
    ("body", "被申请人（用人单位）：{{ enterprise }}，统一社会信用代码：{{ uscc }}"),
    ("body", "调解组织：{{ panel }}；主持调解员：{{ mediator }}"),
    ("heading", "二、纠纷的主要事实和争议事项"),
    ("tag", "{%p for line in summary %}"),
    ("body", "{{ line }}"),
    ("tag", "{%p endfor %}"),
    ("body", "申请人的请求："),
    ("tag", "{%p for c in claims %}"),
    ("body", "{{ c.kind }}：人民币 {{ c.amount }} 元{{ c.note }}"),
    ("tag", "{%p endfor %}"),
    ("heading", "三、经调解，双方当事人自愿达成如下协议"),
    ("tag", "{%p for line in terms %}"),
    ("body", "{{ line }}"),
    ("tag", "{%p endfor %}"),
    ("body", "协议金额合计：人民币 {{ amount }} 元。"),
    ("tag", "{%p for pay in payments %}"),
    ("body", "第 {{ pay.n }} 期：{{ pay.due_on }} 前支付人民币 {{ pay.amount }} 元。"),
    ("tag", "{%p endfor %}"),
    ("heading", "四、履行和效力"),
    (
        "body",
        "本协议经双方当事人签字确认、调解组织盖章后生效，双方应当按照约定履行。"
        "双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。",
    ),
    ("body", "司法确认：{{ judicial }}"),
    ("sign", "职工方（签字）：{{ worker_signatory }}　　确认日期：{{ worker_confirmed_on }}"),
    ("sign", "用人单位（签字、盖章）：{{ enterprise_signatory }}　　确认日期：{{ enterprise_confirmed_on }}"),
    ("sign", "调解组织（盖章）：{{ panel }}　　签订日期：{{ signed_on }}"),
]


def _font(run: object, size: float, *, bold: bool = False) -> None:
    run.font.name = FONT  # type: ignore[attr-defined]
    run.font.size = Pt(size)  # type: ignore[attr-defined]
    run.font.bold = bold  # type: ignore[attr-defined]
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)  # type: ignore[attr-defined]  # CJK text's own font slot


def build(path: Path = TEMPLATE) -> Path:
    document = Document()
    for style, text in LINES:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if style == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(run, 20, bold=True)
        elif style == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _font(run, 10.5)
        elif style == "heading":
            _font(run, 14, bold=True)
        else:
            _font(run, 12)
            if style == "sign":
                paragraph.paragraph_format.space_before = Pt(18)
    document.core_properties.title = "人民调解协议书"
    document.core_properties.author = "Gonghui"
    document.save(str(path))
    return path


if __name__ == "__main__":  # pragma: no cover
    build()
