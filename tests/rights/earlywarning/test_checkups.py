"""法治体检: the checklist (defaults and a federation's own items), findings and rectification items, re-checks
that close and reopen them, refusals before the visit, and the report PDF with its Chinese font."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gonghui.rights.earlywarning.checkups import (
    checklist_item_add,
    checklist_item_toggle,
    checkup_create,
    finding_record,
    recheck_record,
)
from gonghui.rights.earlywarning.models import Finding, Recheck, Rectification
from gonghui.rights.earlywarning.report import checkup_pdf
from tests.rights.earlywarning.conftest import checkup_with_problems

TODAY = timezone.localdate


def test_the_checklist_is_the_six_items_and_the_federations_own(place: SimpleNamespace) -> None:
    item = checklist_item_add(actor=place.rights, org=place.county, name="女职工特殊保护", sort=10)
    checkup = checkup_create(actor=place.rights, enterprise=place.firm, visited_on=TODAY(), team="王律师")
    names = list(checkup.findings.values_list("item", flat=True))
    assert names == ["劳动合同", "工资支付", "工时休假", "安全生产", "职代会", "集体合同", "女职工特殊保护"]
    checklist_item_toggle(actor=place.rights, item=item)
    later = checkup_create(actor=place.rights, enterprise=place.firm2, visited_on=TODAY(), team="王律师")
    assert later.findings.count() == 6  # retired for new visits; the first keeps its finding
    with pytest.raises(ValidationError, match="已有这个体检项目"):
        checklist_item_add(actor=place.rights, org=place.county, name="工资支付")


def test_recheck_closes_and_reopens_items(place: SimpleNamespace) -> None:
    checkup = checkup_with_problems(place, place.firm, problems=2)
    first, second = Rectification.objects.filter(checkup=checkup).order_by("pk")
    recheck_record(actor=place.rights, checkup=checkup, on=TODAY(), outcomes={first.pk: True, second.pk: False})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.closed_on, second.status) == ("closed", TODAY(), "open")
    recheck_record(actor=place.rights, checkup=checkup, on=TODAY(), outcomes={first.pk: False, second.pk: True})
    first.refresh_from_db()
    assert first.status == "open" and first.closed_on is None  # found not put right after all
    assert Recheck.objects.filter(checkup=checkup).count() == 2


def test_a_recheck_before_the_visit_is_refused(place: SimpleNamespace) -> None:
    checkup = checkup_with_problems(place, place.firm, problems=1, days_ago=5)
    item = Rectification.objects.get()
    with pytest.raises(ValidationError, match="不能早于体检日期"):
        recheck_record(actor=place.rights, checkup=checkup, on=TODAY() - dt.timedelta(days=6), outcomes={item.pk: True})
    planned = checkup_create(
        actor=place.rights, enterprise=place.firm2, visited_on=TODAY() + dt.timedelta(days=7), team="王律师"
    )
    with pytest.raises(ValidationError, match="尚未到体检日期"):
        recheck_record(actor=place.rights, checkup=planned, on=TODAY(), outcomes={})
    with pytest.raises(ValidationError, match="尚未到体检日期"):
        finding_record(actor=place.rights, finding=planned.findings.first(), result="ok")  # type: ignore[arg-type]
    item.refresh_from_db()
    assert item.status == "open" and not Recheck.objects.exists()


def test_finding_rules(place: SimpleNamespace) -> None:
    checkup = checkup_create(
        actor=place.rights, enterprise=place.firm, visited_on=TODAY() - dt.timedelta(days=3), team="王律师"
    )
    finding = checkup.findings.get(item="工资支付")
    with pytest.raises(ValidationError, match="不能早于体检日期"):
        finding_record(
            actor=place.rights,
            finding=finding,
            result="problem",
            requirement="补发",
            deadline=TODAY() - dt.timedelta(days=9),
        )
    with pytest.raises(ValidationError, match="只有“存在问题”"):
        finding_record(actor=place.rights, finding=finding, result="ok", requirement="补发", deadline=TODAY())
    finding_record(actor=place.rights, finding=finding, result="problem", requirement="补发", deadline=TODAY())
    with pytest.raises(ValidationError, match="已有整改事项"):
        finding_record(actor=place.rights, finding=finding, result="ok")
    assert Finding.objects.get(pk=finding.pk).result == "problem" and Rectification.objects.count() == 1


def test_a_second_visit_the_same_day_is_refused(place: SimpleNamespace) -> None:
    checkup_create(actor=place.rights, enterprise=place.firm, visited_on=TODAY(), team="王律师")
    with pytest.raises(ValidationError, match="当天已有"):
        checkup_create(actor=place.rights, enterprise=place.firm, visited_on=TODAY(), team="李律师")
    with pytest.raises(ValidationError, match="维权工作范围"):
        checkup_create(actor=place.rights, enterprise=place.far, visited_on=TODAY(), team="王律师")


def test_the_report_is_a_pdf_with_the_chinese_font(place: SimpleNamespace, monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint

    real = weasyprint.HTML.write_pdf
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda self: real(self, uncompressed_pdf=True))
    data = checkup_pdf(checkup_with_problems(place, place.firm, problems=1))
    assert data.startswith(b"%PDF")
    assert any(b"WenQuanYi" in f for f in re.findall(rb"/BaseFont\s*/([^\s/]+)", data))
