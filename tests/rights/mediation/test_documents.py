"""The 调解协议 as files: the Word template rebuilds to the committed one; the .docx opens (python-docx) with
the parties, claims and terms; the PDF embeds its Chinese font; ID numbers masked unless the viewer holds
PII_FULL, which is audited."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document

from gonghui.common.models import AuditAction, AuditEvent
from gonghui.rights.mediation.agreement import agreement_docx, agreement_pdf
from gonghui.rights.mediation.documents.build_template import TEMPLATE, build
from tests.factories import id_number
from tests.rights.mediation.conftest import Desk, open_dispute
from tests.rights.mediation.test_outcomes import agree

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def test_the_committed_template_is_what_the_script_builds(tmp_path: Path) -> None:
    rebuilt = build(tmp_path / "agreement.docx")
    assert _text(rebuilt.read_bytes()) == _text(TEMPLATE.read_bytes())
    assert "{%p for p in parties %}" in _text(TEMPLATE.read_bytes())


def test_the_agreement_opens_as_word_with_masked_ids_for_a_rights_officer(desk: Desk) -> None:
    dispute = open_dispute(desk, n=2)
    agree(desk, dispute)
    text = _text(agreement_docx(desk.officer, dispute))
    number = id_number(100)
    assert "人民调解协议书" in text and dispute.number in text
    assert f"王职工一，公民身份号码：{number[:6]}********{number[-4:]}" in text and number not in text
    assert "被申请人（用人单位）：商南县城关建材有限公司" in text
    assert "拖欠工资：人民币 12,000.00 元" in text and "公司于两期内支付拖欠工资。" in text
    assert "第 2 期：" in text and "4,000.00 元" in text and "{{" not in text and "{%" not in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, target_id=str(dispute.pk)).exists()


def test_full_numbers_only_for_pii_full_and_audited(desk: Desk) -> None:
    dispute = open_dispute(desk)
    agree(desk, dispute)
    text = _text(agreement_docx(desk.tree.cadre, dispute))  # 管理员 of the county: PII_FULL
    assert id_number(100) in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT_PII, actor=desk.tree.cadre).count() == 1


def test_the_pdf_carries_the_chinese_font_and_the_terms(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint

    real = weasyprint.HTML.write_pdf
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda self: real(self, uncompressed_pdf=True))
    dispute = open_dispute(desk)
    agree(desk, dispute, signed_on=timezone.localdate())
    data = agreement_pdf(desk.officer, dispute)
    assert data.startswith(b"%PDF")
    fonts = re.findall(rb"/BaseFont\s*/([^\s/]+)", data)
    assert any(b"WenQuanYi" in f for f in fonts) and b"/FontFile" in data
    assert id_number(100).encode() not in data
