"""The similarity hint: an earlier near-duplicate ranks first; unrelated projects are not shown."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError

from gonghui.common.bigrams import bigrams
from gonghui.innovation.models import ProjectGram
from gonghui.innovation.projects.similarity import similar_to
from gonghui.innovation.projects.submission import attachment_add
from tests.factories import image_bytes
from tests.innovation.conftest import Contest


def test_bigrams_ignore_punctuation_and_fold_traditional_characters() -> None:
    assert bigrams("換刀，裝置") == {"换刀": 1, "装置": 1}
    assert bigrams("PLC控制") == {"pl": 1, "lc": 1, "c控": 1, "控制": 1}


def test_a_resubmitted_project_finds_its_twin_first(contest: Contest) -> None:
    original = contest.submit(
        "锂电池极片分切毛刺控制装置",
        problem="极片分切时毛刺超标，电芯短路风险高，返工率百分之三。",
        solution="在分切刀组后加装在线毛刺检测和刀具压力自动补偿装置。",
    )
    contest.submit(
        "食堂节水龙头改造",
        problem="食堂洗菜池用水浪费严重，每月水费偏高。",
        solution="把普通龙头换成感应式节水龙头并加装限流阀。",
    )
    twin = contest.submit(
        "极片分切毛刺在线控制装置",
        problem="锂电池极片分切毛刺超标，电芯有短路风险，返工多。",
        solution="分切刀组后加装在线毛刺检测，刀具压力自动补偿。",
    )
    hints = similar_to(twin)
    assert [h.project for h in hints] == [original]
    assert hints[0].score > 0.5 and "毛刺" in hints[0].shared
    assert ProjectGram.objects.filter(project=twin).count() <= 40


PNG = image_bytes("PNG")


def test_attachments_are_checked_by_content_and_size(contest: Contest) -> None:
    project = contest.submit()
    owner = contest.world.users["owner"]
    attachment = attachment_add(actor=owner, project=project, file=io.BytesIO(PNG), name="现场照片.png", size=len(PNG))
    assert (attachment.content_type, attachment.size) == ("image/png", len(PNG))
    with pytest.raises(ValidationError, match="只接受"):
        attachment_add(actor=owner, project=project, file=io.BytesIO(b"MZ\x90\x00evil"), name="照片.png", size=6)
    with pytest.raises(ValidationError, match="不能超过 10 MB"):
        attachment_add(actor=owner, project=project, file=io.BytesIO(PNG), name="大.png", size=11 * 1024 * 1024)
    pdf = image_bytes("PDF")
    scan = attachment_add(actor=owner, project=project, file=io.BytesIO(pdf), name="专利证书.pdf", size=len(pdf))
    assert scan.content_type == "application/pdf" and "专利" not in scan.file.name and scan.file.name.endswith(".pdf")
    cut = pdf[: len(pdf) // 2]  # a PDF header on a cut file: no trailer
    with pytest.raises(ValidationError, match="文件已损坏"):
        attachment_add(actor=owner, project=project, file=io.BytesIO(cut), name="半个.pdf", size=len(cut))
    bomb = image_bytes("PNG", size=(8000, 8000))  # 64 megapixels: more than any phone photo
    with pytest.raises(ValidationError, match="文件已损坏"):
        attachment_add(actor=owner, project=project, file=io.BytesIO(bomb), name="大图.png", size=len(bomb))
    assert project.attachments.count() == 2
