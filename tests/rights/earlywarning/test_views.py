"""The workbench pages: rights staff see and handle the rows; a read-only cadre of the same union sees no rows
and gets 403 on a warning; reads are audited; the lists' query counts do not grow with their rows."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.common.models import AuditEvent
from gonghui.rights.earlywarning.choices import Trigger
from gonghui.rights.earlywarning.models import Checkup, EarlyWarning, IndicatorEntry, Rectification
from gonghui.rights.earlywarning.recompute import levels_recompute
from tests.factories import EnterpriseFactory
from tests.rights.earlywarning.conftest import checkup_with_problems, enter

pytestmark = pytest.mark.usefixtures("no_cases")


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.fixture
def warned(place: SimpleNamespace) -> EarlyWarning:
    enter(place, place.firm, "layoffs", 100)
    levels_recompute(trigger=Trigger.COMMAND)
    return EarlyWarning.objects.get()


def test_the_rights_cadre_sees_levels_and_warnings(place: SimpleNamespace, warned: EarlyWarning) -> None:
    client = _client(place.rights)
    levels = client.get(reverse("earlywarning:levels")).content.decode()
    assert place.firm.name in levels and "红色" in levels and "最近一次计算" in levels
    page = client.get(reverse("earlywarning:warnings")).content.decode()
    assert place.firm.name in page and "枣庄维权专员" in page  # assigned to the county's rights cadre
    mapped = client.get(reverse("earlywarning:map")).content.decode()
    assert '"layer": "warning"' in mapped and place.firm.name in mapped


def test_a_read_only_cadre_of_the_same_union_sees_no_rows(place: SimpleNamespace, warned: EarlyWarning) -> None:
    client = _client(place.reader)
    for name in ("levels", "warnings", "map", "entries", "checkups", "rectifications"):
        assert place.firm.name not in client.get(reverse(f"earlywarning:{name}")).content.decode(), name
    assert client.get(reverse("earlywarning:warning", args=[warned.pk])).status_code == 403
    outsider = _client(place.outsider)
    assert outsider.get(reverse("earlywarning:warning", args=[warned.pk])).status_code == 404


def test_a_warning_page_is_an_audited_read(place: SimpleNamespace, warned: EarlyWarning) -> None:
    response = _client(place.rights).get(reverse("earlywarning:warning", args=[warned.pk]))
    assert response.status_code == 200 and "裁员人数" in response.content.decode()
    event = AuditEvent.objects.get(action="view_sensitive", target_id=str(warned.pk))
    assert event.actor == place.rights


def test_closing_without_an_action_shows_the_reason(place: SimpleNamespace, warned: EarlyWarning) -> None:
    client = _client(place.rights)
    url = reverse("earlywarning:warning_act", args=[warned.pk, "close"])
    page = client.post(url, {"note": ""}, follow=True).content.decode()
    assert "还没有处置记录，不能关闭" in page
    client.post(
        reverse("earlywarning:warning_act", args=[warned.pk, "act"]), {"on": timezone.localdate(), "note": "约谈"}
    )
    client.post(url, {"note": "已整改"})
    warned.refresh_from_db()
    assert warned.status == "closed" and warned.actions.count() == 1


def test_the_recompute_button_runs_the_job(place: SimpleNamespace, django_capture_on_commit_callbacks: object) -> None:
    enter(place, place.firm2, "layoffs", 100)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = _client(place.rights).post(reverse("earlywarning:recompute"))
    assert response.status_code == 302
    assert EarlyWarning.objects.filter(enterprise=place.firm2).exists()  # the immediate backend ran it
    assert _client(place.reader).post(reverse("earlywarning:recompute")).status_code == 403


def test_entry_page_refuses_an_enterprise_outside_scope(place: SimpleNamespace) -> None:
    client = _client(place.rights)
    data = {"uscc": place.far.uscc, "kind": "overtime", "value": "3", "as_of": timezone.localdate()}
    page = client.post(reverse("earlywarning:entries"), data).content.decode()
    assert "维权工作范围内没有这家企业" in page and not IndicatorEntry.objects.exists()
    page = client.post(
        reverse("earlywarning:entries"), data | {"uscc": place.firm.uscc, "value": "-2"}
    ).content.decode()
    assert "数值不能为负数" in page and not IndicatorEntry.objects.exists()
    client.post(reverse("earlywarning:entries"), data | {"uscc": place.firm.uscc})
    assert IndicatorEntry.objects.get().value == 3


def test_scheme_thresholds_out_of_order_on_the_page(place: SimpleNamespace) -> None:
    client = _client(place.rights)
    data = {"form": "scheme", "org": place.county.code, "blue": "10", "yellow": "30", "orange": "20", "red": "60"}
    data |= {f"w_{k}": "1" for k in ("arrears", "arrears_amount", "disputes", "collective", "layoffs",
                                     "social_insurance", "overtime", "checkup")}  # fmt: skip
    page = client.post(reverse("earlywarning:schemes"), data).content.decode()
    assert "蓝色 &lt; 黄色 &lt; 橙色 &lt; 红色" in page
    assert client.post(reverse("earlywarning:schemes"), data | {"orange": "40"}).status_code == 302


def test_checkup_pages(place: SimpleNamespace) -> None:
    client = _client(place.rights)
    response = client.post(
        reverse("earlywarning:checkup_new"),
        {"uscc": place.firm.uscc, "visited_on": timezone.localdate() - dt.timedelta(days=2), "team": "市总法律服务团"},
    )
    checkup = Checkup.objects.get()
    assert response.status_code == 302
    finding = checkup.findings.get(item="工时休假")
    client.post(
        reverse("earlywarning:checkup_act", args=[checkup.pk, "finding"]),
        {"finding": finding.pk, f"f{finding.pk}-finding": finding.pk, f"f{finding.pk}-result": "problem",
         f"f{finding.pk}-note": "连续加班超过法定上限", f"f{finding.pk}-requirement": "调整排班",
         f"f{finding.pk}-deadline": timezone.localdate() + dt.timedelta(days=30)},
    )  # fmt: skip
    item = Rectification.objects.get()
    client.post(
        reverse("earlywarning:checkup_act", args=[checkup.pk, "recheck"]),
        {"on": timezone.localdate(), f"r_{item.pk}": "1"},
    )
    item.refresh_from_db()
    assert item.status == "closed"
    page = client.get(reverse("earlywarning:checkup", args=[checkup.pk])).content.decode()
    assert "调整排班" in page and "已整改" in page
    pdf = client.get(reverse("earlywarning:checkup_report", args=[checkup.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert _client(place.reader).get(reverse("earlywarning:checkup", args=[checkup.pk])).status_code == 403
    Checkup.objects.filter(pk=checkup.pk).update(visited_on=timezone.localdate() + dt.timedelta(days=7))
    planned = client.get(reverse("earlywarning:checkup_report", args=[checkup.pk]), follow=True)
    assert planned["Content-Type"].startswith("text/html") and "还没有体检报告" in planned.content.decode()


@pytest.mark.parametrize("name", ["levels", "warnings", "map", "checkups", "rectifications", "entries"])
def test_list_queries_do_not_grow_with_rows(
    place: SimpleNamespace, name: str, django_assert_max_num_queries: object
) -> None:
    for n in range(12):
        firm = EnterpriseFactory(name=f"查询计数企业{n}", union=place.union)
        enter(place, firm, "layoffs", 100 + n)
        checkup_with_problems(place, firm, problems=1)
    levels_recompute(trigger=Trigger.COMMAND)
    client = _client(place.rights)
    client.get(reverse(f"earlywarning:{name}"))  # warm the session
    with django_assert_max_num_queries(14):  # type: ignore[operator]
        response = client.get(reverse(f"earlywarning:{name}"))
    assert "查询计数企业11" in response.content.decode()
