"""The workbench pages: an Excel upload with its row errors on the batch's page, the fixed sheet recorded;
entering one result; pilots' licences and pay grades; list pages in a few queries; the figures and their
drill-down; 我的技能等级 on the worker's phone."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from gonghui.common.figures import FIGURE_GROUPS
from gonghui.skills.certification.figures import certification_figures
from gonghui.skills.certification.models import Candidate, Licence, PayGrade
from gonghui.skills.certification.results import results_record
from tests.factories import Tree, id_number, make_member
from tests.skills.certification.factories import END, make_batch, make_pilot, members, row, rows, xlsx
from tests.wishes.factories import worker_client

pytestmark = pytest.mark.django_db
HEADER = ["序号", "职工姓名", "公民身份号码", "理论知识成绩", "技能操作成绩", "证书编号"]


def _desk(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_an_upload_shows_its_row_errors_then_the_fixed_sheet_is_recorded(tree: Tree) -> None:
    batch = make_batch(tree, make_pilot(tree))
    members(tree.union, 1, 3)
    make_member(tree.other, 4, name="职工4")
    client = _desk(tree.union_cadre)
    url = reverse("certification:batch_import", args=[batch.pk])
    bad = [
        HEADER,
        [1, "职工1", id_number(1), 86, 92, ""],
        [2, "职工2", id_number(2), 105, 80, ""],
        [3, "职工4", id_number(4), 70, 70, ""],
    ]
    page = client.post(url, {"file": xlsx(bad)}).content.decode()
    assert "有 2 处错误，整张表未录入" in page
    assert '<td class="num">4</td><td>理论成绩</td>' in page and "0到100之间" in page
    assert "不是“商南县城关基层工会”的在册会员" in page and id_number(4) not in page  # masked
    assert not Candidate.objects.exists()
    good = [
        HEADER,
        [1, "职工1", id_number(1), 86, 92, "S-001"],
        [2, "职工2", id_number(2), 95, 80, ""],
        [3, "职工3", id_number(3), 40, 80, ""],
    ]
    response = client.post(url, {"file": xlsx(good)})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "已录入 3 人，通过认定 2 人，晋升薪酬等级 2 人" in page
    assert "技能三档" in page and "S-001" in page and "DJ2024-" in page
    assert Candidate.objects.filter(passed=True).count() == 2


def test_a_sheet_without_the_score_columns_or_of_another_type_is_refused_whole(tree: Tree) -> None:
    batch = make_batch(tree, make_pilot(tree))
    client = _desk(tree.union_cadre)
    url = reverse("certification:batch_import", args=[batch.pk])
    page = client.post(url, {"file": xlsx([["姓名", "身份证号"], ["职工1", id_number(1)]])}).content.decode()
    assert "没有找到表头" in page and "理论成绩" in page
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = client.post(url, {"file": SimpleUploadedFile("a.txt", b"x")}).content.decode()
    assert "只支持 xlsx、xls、csv" in page


def test_one_result_entered_by_hand_and_the_batch_closed(tree: Tree) -> None:
    batch = make_batch(tree, make_pilot(tree))
    members(tree.union, 1, 1)
    client = _desk(tree.union_cadre)
    act = lambda action: reverse("certification:batch_act", args=[batch.pk, action])  # noqa: E731
    client.post(act("enter"), {"name": "职工1", "id_number": id_number(1), "theory": "61", "practical": "101"})
    assert not Candidate.objects.exists()
    response = client.post(
        act("enter"), {"name": "职工1", "id_number": id_number(1), "theory": "61", "practical": "60"}
    )
    assert response.status_code == 302 and Candidate.objects.get().passed
    client.post(act("close"))
    batch.refresh_from_db()
    assert batch.status == "closed"
    assert "导入成绩表" not in client.get(reverse("certification:batch", args=[batch.pk])).content.decode()


def test_the_federation_files_licences_and_the_enterprise_its_pay_grades(tree: Tree) -> None:
    pilot = make_pilot(tree, grades=False)
    url = lambda action: reverse("certification:pilot_act", args=[pilot.pk, action])  # noqa: E731
    licence = {
        "occupation": "6-18-02-04",
        "lowest": "5",
        "highest": "4",
        "valid_from": "2024-01-01",
        "valid_until": "2028-12-31",
        "authority": "商南县人力资源和社会保障局",
    }
    _desk(tree.union_cadre).post(url("licence"), licence)
    assert Licence.objects.count() == 1  # refused: the enterprise's own staff
    _desk(tree.cadre).post(url("licence"), licence)
    assert Licence.objects.filter(occupation__name="焊工").exists()
    _desk(tree.union_cadre).post(url("grade"), {"level": "4", "grade": "技能二档", "allowance": "260"})
    assert PayGrade.objects.get(pilot=pilot).allowance == Decimal(260)
    page = _desk(tree.cadre).get(reverse("certification:pilot", args=[pilot.pk])).content.decode()
    assert "焊工" in page and "技能二档" in page and "商南县人力资源和社会保障局" in page


def test_the_pilot_form_designates_an_enterprise_by_its_code(tree: Tree) -> None:
    from tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory(name="富水开关有限公司", union=tree.other)
    client = _desk(tree.cadre)
    data = {"org": tree.county.code, "enterprise_uscc": enterprise.uscc, "designated_on": "2024-03-01"}
    response = client.post(reverse("certification:pilot_new"), data)
    assert response.status_code == 302
    assert "富水开关有限公司" in client.get(reverse("certification:pilots")).content.decode()


def test_list_pages_read_in_a_few_queries(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    pilot = make_pilot(tree)
    for n in range(4):
        batch = make_batch(tree, pilot, name=f"第{n}批")
        members(tree.union, n * 10 + 1, 8)
        results_record(actor=tree.cadre, batch=batch, rows=rows(*(row(n * 10 + i) for i in range(1, 9))))
    client = _desk(tree.cadre)
    for name, args in (("certification:batches", []), ("certification:pilots", []), ("certification:results", [])):
        client.get(reverse(name, args=args))
        with django_assert_max_num_queries(14):
            assert client.get(reverse(name, args=args)).status_code == 200
    with django_assert_max_num_queries(16):
        page = client.get(reverse("certification:batch", args=[batch.pk])).content.decode()
    assert page.count("技能三档") == 8


def test_figures_count_the_subtree_and_the_drill_down_lists_them(tree: Tree) -> None:
    pilot = make_pilot(tree)
    other = make_pilot(tree, union=tree.other, name="富水电器有限公司", grades=False)
    members(tree.union, 1, 3)
    members(tree.other, 11, 2)
    batch = make_batch(tree, pilot)
    results_record(actor=tree.cadre, batch=batch, rows=rows(row(1), row(2), row(3, 10, 10)))
    results_record(
        actor=tree.cadre, batch=make_batch(tree, other, actor=tree.cadre, levels=["4"]), rows=rows(row(11), row(12))
    )
    county = {f.key: f for f in certification_figures(tree.county, END.year)}
    assert county["certification_pilots"].value == 2
    assert (county["certification_certified"].value, county["certification_people"].value) == (4, 4)
    assert county["certification_promoted"].value == 2  # 富水 has no pay-grade table
    assert (county["certification_level_3"].value, county["certification_level_4"].value) == (2, 2)
    assert all(f.definition for f in county.values()) and "certification" in FIGURE_GROUPS
    union = {f.key: f.value for f in certification_figures(tree.union, END.year)}
    assert union["certification_certified"] == 2 and union["certification_pilots"] == 1
    assert certification_figures(tree.county, END.year - 1)[1].value == 0
    page = _desk(tree.cadre).get(county["certification_promoted"].url).content.decode()
    assert page.count("晋升</span>") == 2 and "富水电器" not in page.split('id="certified"')[1]
    narrowed = _desk(tree.cadre).get(county["certification_level_4"].url).content.decode()
    assert "富水电器有限公司" in narrowed and "商南电器有限公司" not in narrowed.split('id="certified"')[1]


def test_the_worker_sees_their_level_and_pay_grade_in_my_page(tree: Tree) -> None:
    membership = members(tree.union, 1, 1)[0]
    results_record(actor=tree.cadre, batch=make_batch(tree, make_pilot(tree)), rows=rows(row(1)))
    client, _user = worker_client(membership)
    page = client.get(reverse("portal:me")).content.decode()
    assert "我的技能等级" in page and "电工 三级/高级工" in page and "技能三档" in page and "400" in page
