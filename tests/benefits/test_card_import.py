"""Issuing a card to an Excel list: the shared importer's rules (row errors, nothing half-done, safe again)."""

from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gonghui.benefits import services
from gonghui.benefits.models import MemberCard
from gonghui.common.models import Job
from tests.factories import Tree, id_number, make_member


def _xlsx(rows: list[list[object]]) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年会员服务卡发放名单"])  # a title row above the header, as unions write them
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("发卡名单.xlsx", buffer.getvalue())


def _upload(client: Client, url: str, rows: list[list[object]], capture: object) -> Job:
    with capture(execute=True):  # type: ignore[operator]
        client.post(url, {"file": _xlsx(rows)})
    return Job.objects.filter(kind="benefits.cards_import").latest("created_at")


def test_a_list_is_all_or_nothing_and_safe_to_upload_again(
    tree: Tree, django_capture_on_commit_callbacks: object
) -> None:
    product = services.card_product_create(
        actor=tree.cadre, org=tree.county, data=services.ProductFields(name="商南县会员服务卡", kind="service")
    )
    make_member(tree.union, 1, name="赵发卡")
    make_member(tree.other, 2, name="钱发卡")
    make_member(tree.stranger, 3, name="外地人")
    client = Client()
    client.force_login(tree.cadre)
    url = reverse("benefits:product_import", args=[product.pk])
    header = ["序号", "姓名", "身份证号码"]
    good = [[1, "赵发卡", id_number(1)], [2, "钱 发卡", id_number(2)]]
    bad = [*good, [3, "外地人", id_number(3)], [4, "赵发卡", id_number(1)], [5, "错号", "3209041978"]]
    job = _upload(client, url, [header, *bad], django_capture_on_commit_callbacks)
    assert [e["row"] for e in job.result["errors"]] == [5, 6, 7], job.result["errors"]
    assert "不是该卡面向工会的在册会员" in job.result["errors"][0]["reason"]
    assert "重复" in job.result["errors"][1]["reason"]
    assert not MemberCard.objects.exists()  # nothing half-done
    first = _upload(client, url, [header, *good], django_capture_on_commit_callbacks)
    again = _upload(client, url, [header, *good], django_capture_on_commit_callbacks)
    assert (first.result["imported"], again.result["imported"]) == (2, 0)
    assert MemberCard.objects.filter(product=product, status="active").count() == 2


def test_a_cobranded_list_needs_the_last_four_digits(tree: Tree, django_capture_on_commit_callbacks: object) -> None:
    bank = services.card_product_create(
        actor=tree.cadre,
        org=tree.county,
        data=services.ProductFields(name="汇工融通卡", kind="cobrand", bank_name="乐清农商银行"),
    )
    make_member(tree.union, 1, name="孙联名")
    client = Client()
    client.force_login(tree.cadre)
    url = reverse("benefits:product_import", args=[bank.pk])
    header = ["姓名", "身份证号", "银行卡号后四位"]
    job = _upload(client, url, [header, ["孙联名", id_number(1), "12"]], django_capture_on_commit_callbacks)
    assert job.result["error_count"] == 1 and "后四位" in job.result["errors"][0]["reason"]
    job = _upload(client, url, [header, ["孙联名", id_number(1), "3107"]], django_capture_on_commit_callbacks)
    assert job.result["imported"] == 1 and MemberCard.objects.get().bank_last4 == "3107"


def test_only_the_issuing_union_uploads(tree: Tree) -> None:
    product = services.card_product_create(
        actor=tree.cadre, org=tree.county, data=services.ProductFields(name="商南县会员服务卡", kind="service")
    )
    client = Client()
    client.force_login(tree.outsider)
    assert client.get(reverse("benefits:product_import", args=[product.pk])).status_code in (403, 404)
