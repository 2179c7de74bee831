import io
import json

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gonghui.campaigns.models import Beneficiary, Campaign
from gonghui.common.models import Job
from gonghui.ledger.models import Payout
from gonghui.ledger.payouts import aid_payout_approve
from gonghui.members.models import Membership
from tests.assistance.conftest import member_in
from tests.members.conftest import make_id
from tests.world import World


def client_for(world: World, persona: str) -> Client:
    client = Client()
    client.force_login(world.users[persona])
    return client


def xlsx(rows: list[list[object]]) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年冬送温暖慰问对象名单"])  # a title row above the header, as unions write them
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("名单.xlsx", buffer.getvalue())


def test_create_a_campaign_then_its_page_shows_totals_and_chart_data(world: World) -> None:
    owner = client_for(world, "owner")
    response = owner.post(
        reverse("campaigns:new"),
        {
            "org": world.town_a.code,
            "name": "2026年夏送清凉",
            "kind": "summer_cool",
            "year": 2026,
            "starts_on": "2026-07-01",
            "ends_on": "2026-08-31",
            "budget": "20000",
        },
    )
    campaign = Campaign.objects.get(name="2026年夏送清凉")
    assert response["Location"] == reverse("ledger:campaign", args=[campaign.pk])
    fields = {"name": "越权活动", "kind": "summer_cool", "year": 2026, "starts_on": "2026-07-01"}
    bad = owner.post(
        reverse("campaigns:new"), {**fields, "org": world.union_b.code, "ends_on": "2026-08-31", "budget": 1}
    )
    assert "您无权在那里开展活动" in bad.content.decode()
    backwards = owner.post(
        reverse("campaigns:new"), {**fields, "org": world.town_a.code, "ends_on": "2026-06-01", "budget": 1}
    )
    assert "结束日期不能早于开始日期" in backwards.content.decode()
    assert not Campaign.objects.filter(name="越权活动").exists()
    aid_payout_approve(actor=world.users["same"], payout=world.payout)
    page = owner.get(reverse("ledger:campaign", args=[world.aid_campaign.pk])).content.decode()
    assert 'id="total-money">3,000.00<' in page and 'id="total-people">1<' in page
    data = json.loads(page.split('id="coverage-data" type="application/json">')[1].split("</script>")[0])
    assert data["children"] == ["测试基层工会", "大中联合基层工会"] and data["value"] == [3000.0, 0.0]
    assert data["kinds"] == [{"name": "慰问金", "value": 3000.0}]
    town = owner.get(reverse("ledger:campaign", args=[world.aid_campaign.pk]), {"under": world.union_a.code})
    assert 'id="total-money">3,000.00<' in town.content.decode() and "测试基层工会" in town.content.decode()
    outside = owner.get(reverse("ledger:campaign", args=[world.aid_campaign.pk]), {"under": world.county_a.code})
    assert outside.status_code == 404  # above the campaign's union: not part of it


def test_rule_button_fills_the_list_and_the_bulk_button_approves(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    owner = client_for(world, "owner")
    campaign = world.aid_campaign
    owner.post(reverse("campaigns:rule", args=[campaign.pk]), {"group": "all_members"})
    assert (
        Beneficiary.objects.filter(campaign=campaign).count()
        == Membership.objects.filter(status__in=["pending", "active"], org__path__startswith=world.town_a.path).count()
    )
    listing = owner.get(reverse("campaigns:beneficiaries", args=[campaign.pk])).content.decode()
    assert "李在册" in listing
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = owner.post(reverse("ledger:approve_all", args=[campaign.pk]))
    job = Job.objects.get(kind="assistance.bulk_approve")
    assert response["Location"] == reverse("workbench:job", args=[job.pk])
    assert "已审核通过 1 笔" in owner.get(response["Location"]).content.decode()
    assert Payout.objects.get(pk=world.payout.pk).status == "approved"
    nothing = owner.post(reverse("ledger:approve_all", args=[campaign.pk]), follow=True).content.decode()
    assert "没有您可以审核的待审发放" in nothing


def test_excel_list_is_all_or_nothing_with_a_row_error_report_and_safe_to_reupload(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    owner = client_for(world, "owner")
    campaign = world.aid_campaign
    a = member_in(world.union_a, "赵慰问", 41)
    b = member_in(world.joint_a, "钱慰问", 42)
    member_in(world.union_b, "外县人", 43)  # outside the campaign's town
    url = reverse("campaigns:import", args=[campaign.pk])
    header = ["序号", "姓名", "身份证号码", "备注"]
    good = [[1, "赵慰问", make_id(41, birth="19780101"), "环卫"], [2, "钱 慰问", make_id(42, birth="19780101"), ""]]
    bad = [*good, [3, "外县人", make_id(43, birth="19780101"), ""], [4, "错号", "3209041978", ""]]
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        owner.post(url, {"file": xlsx([header, *bad])})
    job = Job.objects.filter(kind="campaigns.import").latest("created_at")
    assert [e["row"] for e in job.result["errors"]] == [5, 6], job.result["errors"]
    report = openpyxl.load_workbook(io.BytesIO(job.result_file.read())).active
    assert [c.value for c in report[2]][:2] == [5, "身份证号"] and "不是本活动范围内" in report[2][3].value
    assert not Beneficiary.objects.filter(campaign=campaign).exists()  # nothing half imported
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
            owner.post(url, {"file": xlsx([header, *good])})
    jobs = list(Job.objects.filter(kind="campaigns.import").order_by("created_at"))
    assert [j.result["imported"] for j in jobs[1:]] == [2, 0]
    assert set(Beneficiary.objects.filter(campaign=campaign).values_list("person", "org")) == {
        (a.pk, world.union_a.pk),
        (b.pk, world.joint_a.pk),
    }
    wrong_type = owner.post(url, {"file": SimpleUploadedFile("名单.pdf", b"%PDF")}).content.decode()
    assert "只支持 xlsx、xls、csv" in wrong_type


def test_job_fairs_belong_to_spring_campaigns_and_people_are_picked_by_id(world: World) -> None:
    owner = client_for(world, "owner")
    spring = Campaign.objects.create(
        org=world.town_a,
        name="春送岗位",
        kind="spring_jobs",
        year=2026,
        starts_on="2026-02-01",
        ends_on="2026-03-31",
    )
    fair = {"held_on": "2026-02-26", "place": "人民广场", "employers": 45, "jobs_offered": 1200, "visitors": 1800}
    owner.post(reverse("campaigns:job_fair", args=[spring.pk]), {**fair, "offers_made": 2000})  # more than came
    owner.post(reverse("campaigns:job_fair", args=[spring.pk]), {**fair, "offers_made": 236})
    page = owner.get(reverse("ledger:campaign", args=[spring.pk])).content.decode()
    assert spring.job_fairs.count() == 1 and "人民广场" in page and "1200" in page
    winter = owner.post(
        reverse("campaigns:job_fair", args=[world.aid_campaign.pk]), {**fair, "offers_made": 1}, follow=True
    )
    assert "只有春送岗位活动登记招聘会" in winter.content.decode()
    a = member_in(world.union_a, "手选甲", 51)
    member_in(world.union_b, "外县乙", 52)
    pick = reverse("campaigns:pick", args=[world.aid_campaign.pk])
    outside = owner.post(pick, {"id_numbers": f"{make_id(52, birth='19780101')}"}, follow=True).content.decode()
    assert "第 1 行：本级工会及下级工会的在册会员中没有该证件号码" in outside and "外县乙" not in outside
    assert not Beneficiary.objects.filter(campaign=world.aid_campaign).exists()
    done = owner.post(pick, {"id_numbers": f" {make_id(51, birth='19780101')}\n"}, follow=True).content.decode()
    assert "已加入 1 名慰问对象" in done
    assert list(Beneficiary.objects.filter(campaign=world.aid_campaign).values_list("person", "source")) == [
        (a.pk, "hand")
    ]
