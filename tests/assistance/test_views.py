import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.accounts.models import UserKind
from gonghui.assistance.models import HardshipFile, HomeVisit
from gonghui.common.models import AuditAction, AuditEvent, Job
from gonghui.ledger.models import Payout
from gonghui.members.models import Membership, Person, WorkerAccount
from tests.assistance.conftest import member_in
from tests.factories import UserFactory, image_bytes
from tests.members.conftest import make_id
from tests.world import World


def client_for(world: World, persona: str) -> Client:
    client = Client()
    client.force_login(world.users[persona])
    return client


def apply_data(**extra: str) -> dict[str, str]:
    data = {
        "family_size": "3",
        "own_income": "1500",
        "other_income": "0",
        "main_cause": "illness",
        "other_causes": ["schooling"],
        "consent": "on",
    }
    data.update(extra)  # type: ignore[arg-type]
    return data


@pytest.fixture(autouse=True)
def _fresh_throttle() -> None:
    cache.clear()


def _member(world: World, seq: int = 501, name: str = "周困难", mobile: str = "13955550001") -> Person:
    person = member_in(world.union_a, name, seq)
    person.mobile = mobile
    person.save()
    return person


def signed_in(person: Person) -> Client:
    """The person's own phone, signed in to 我的 (an account bound to their record)."""
    user = UserFactory(username=f"worker-{person.pk}", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=user, person=person)
    client = Client()
    client.force_login(user)
    return client


def test_a_member_applies_on_the_phone_and_the_file_is_computed(world: World, standard: object) -> None:
    phone = signed_in(_member(world))
    url = reverse("aid:apply", args=[world.union_a.code])
    assert Client().get(url)["Location"].startswith("/h5/me/signin/")  # only the worker, for themself
    page = phone.get(url).content.decode()
    assert "困难职工帮扶申请" in page and "申请人：周困难" in page
    done = phone.post(url, apply_data()).content.decode()
    assert "申请已提交" in done
    file = HardshipFile.objects.get(person__name="周困难")
    assert (file.status, file.category, file.per_capita_income, file.other_causes) == (
        "applied",
        "deep",
        500,
        ["schooling"],
    )
    assert file.steps.get().note == "职工本人申请"
    again = phone.post(url, apply_data()).content.decode()
    assert "不能重复建档" in again and HardshipFile.objects.filter(person__name="周困难").count() == 1


def test_the_phone_form_explains_each_error_and_files_nothing(world: World, standard: object) -> None:
    phone = signed_in(_member(world))
    url = reverse("aid:apply", args=[world.union_a.code])
    assert "请阅读并同意" in phone.post(url, apply_data(consent="")).content.decode()
    negative = phone.post(url, apply_data(own_income="-5")).content.decode()
    assert "确保该值大于或等于0" in negative
    outside = phone.post(reverse("aid:apply", args=[world.union_b.code]), apply_data()).content.decode()
    assert "户主须是本工会会员" in outside  # another county's union is not theirs
    assert HardshipFile.objects.count() == 1  # only the World's file


def test_a_migrant_worker_in_no_union_may_apply_without_membership(world: World, standard: object) -> None:
    person = member_in(world.union_a, "吴民工", 777, member=False)
    phone = signed_in(person)
    url = reverse("aid:apply", args=[world.union_a.code])
    assert "户主须是本工会会员" in phone.post(url, apply_data()).content.decode()
    done = phone.post(url, apply_data(migrant="on")).content.decode()
    assert "申请已提交" in done
    person.refresh_from_db()
    assert person.is_migrant_worker and not Membership.objects.filter(person=person).exists()


def test_a_member_of_a_union_cannot_declare_themself_a_migrant_to_apply_elsewhere(world: World) -> None:
    phone = signed_in(_member(world))
    url = reverse("aid:apply", args=[world.union_b.code])
    assert "户主须是本工会会员" in phone.post(url, apply_data(migrant="on")).content.decode()
    assert not Person.objects.get(name="周困难").is_migrant_worker


def test_cadre_takes_the_file_through_the_workflow_on_its_page(world: World, standard: object) -> None:
    person = _member(world)
    owner = client_for(world, "owner")
    response = owner.post(
        reverse("assistance:file_new"),
        {
            "org": world.union_a.code,
            "id_number": make_id(501, birth="19780101"),
            "family_size": "2",
            "own_income": "700",
            "main_cause": "injury",
        },
    )
    file = HardshipFile.objects.get(person=person)
    assert response.status_code == 302 and file.category == "deep"
    step = reverse("assistance:file_step", args=[file.pk])
    today = timezone.localdate().isoformat()
    owner.post(step, {"kind": "review", "note": "材料齐全"})
    fake = SimpleUploadedFile("visit.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg")
    visit = {"kind": "visit", "visited_on": today, "visitors": "王主席", "note": "属实"}
    refused = owner.post(step, {**visit, "photo": fake}, follow=True).content.decode()
    assert "只接受图片" in refused and not HomeVisit.objects.filter(file=file).exists()
    liar = SimpleUploadedFile("v.jpg", b"\xff\xd8\xff\xe0<html>not a jpeg</html>", content_type="image/jpeg")
    assert "文件已损坏" in owner.post(step, {**visit, "photo": liar}, follow=True).content.decode()
    photo = SimpleUploadedFile("张三家.jpg", image_bytes(), content_type="image/jpeg")
    owner.post(step, {**visit, "photo": photo})
    owner.post(step, {"kind": "notice", "ends_on": today})
    page = owner.get(reverse("assistance:file", args=[file.pk]), follow=True).content.decode()
    assert "公示中" in page and "入户核实" in page
    failed = owner.post(step, {"kind": "open", "plan": ""}, follow=True).content.decode()
    assert "请填写帮扶计划" in failed
    owner.post(step, {"kind": "open", "plan": "每季度走访"})
    file.refresh_from_db()
    assert file.status == "open" and file.recheck_due is not None
    visit = HomeVisit.objects.get(file=file)
    assert "张三" not in visit.photo.name and visit.photo.name.endswith(".jpg")  # a generated name
    assert owner.get(reverse("assistance:visit_photo", args=[visit.pk])).status_code == 200
    assert client_for(world, "sibling").get(reverse("assistance:visit_photo", args=[visit.pk])).status_code == 404
    views = AuditEvent.objects.filter(action=AuditAction.VIEW_SENSITIVE, target_id=str(file.pk))
    assert views.count() >= 2  # the page view and the photo view are both on the record


def test_file_list_filters_and_is_empty_for_those_without_the_assistance_role(world: World) -> None:
    owner = client_for(world, "owner")
    assert "孙困难" in owner.get(reverse("assistance:files"), {"status": "applied"}).content.decode()
    assert "孙困难" not in owner.get(reverse("assistance:files"), {"status": "open"}).content.decode()
    worker = client_for(world, "worker")  # read-only role on union_a
    assert "孙困难" not in worker.get(reverse("assistance:files")).content.decode()
    assert worker.get(reverse("assistance:file", args=[world.aid_file.pk])).status_code == 403


def test_payout_from_the_file_then_the_checker_approves_on_the_ledger(world: World, standard: object) -> None:
    file = world.aid_file
    HardshipFile.objects.filter(pk=file.pk).update(status="open")
    helper = client_for(world, "helper")
    url = reverse("ledger:payout_new", args=[file.pk])
    form = {"kind": "condolence", "fund": "union_funds", "paid_on": "2026-01-20", "amount": "3000"}
    assert helper.post(url, {**form, "campaign": world.aid_campaign.pk}).status_code == 302
    payout = Payout.objects.filter(file=file).get()
    own = helper.post(reverse("ledger:payout_decide", args=[payout.pk]), {"decision": "approve"}, follow=True)
    assert own.status_code == 403  # the maker holds no FINANCE role, so cannot check anything
    same = client_for(world, "same")
    page = same.post(reverse("ledger:payout_decide", args=[payout.pk]), {"decision": "approve"}, follow=True)
    assert "已审核通过" in page.content.decode()
    payout.refresh_from_db()
    assert payout.status == "approved" and payout.checker == world.users["same"]
    evil = same.post(
        reverse("ledger:payout_decide", args=[world.payout.pk]),
        {"decision": "approve", "next": "https://evil.example/"},
    )
    assert evil["Location"] == reverse("ledger:payouts")


def test_export_in_the_national_template_is_masked_unless_asked_and_permitted(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    owner = client_for(world, "owner")
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        owner.post(reverse("assistance:export"), {"status": ""})
    job = Job.objects.get(kind="assistance.export")
    sheet = openpyxl.load_workbook(io.BytesIO(job.result_file.read())).active
    header, row = [c.value for c in sheet[1]], [c.value for c in sheet[2]]
    assert header[:5] == ["序号", "建档工会", "户主姓名", "性别", "身份证号码"] and "家庭月人均收入（元）" in header
    assert row[2] == "孙困难" and row[4] != "320904197801010035" and "*" in row[4]
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()
    assert client_for(world, "outsider").post(reverse("assistance:export"), {}).status_code == 403


def test_annual_recheck_from_the_file_page_recomputes_the_category(world: World, standard: object) -> None:
    owner = client_for(world, "owner")
    file = world.aid_file
    HardshipFile.objects.filter(pk=file.pk).update(status="open", recheck_due=timezone.localdate())
    page = owner.get(reverse("assistance:file", args=[file.pk])).content.decode()
    assert '<details open id="recheck">' in page  # due today: the form is open
    url = reverse("assistance:file_recheck", args=[file.pk])
    data = {"recheck-family_size": "3", "recheck-own_income": "3600", "recheck-main_cause": "illness"}
    done = owner.post(url, {**data, "recheck-other_causes": ["schooling"]}, follow=True).content.decode()
    file.refresh_from_db()
    assert "已完成年度复核" in done and file.category == "relative" and file.other_causes == ["schooling"]
    assert file.recheck_due > timezone.localdate() and file.steps.filter(kind="recheck").exists()
    bad = owner.post(url, {**data, "recheck-own_income": "-1"}, follow=True).content.decode()
    assert "确保该值大于或等于0" in bad


def test_medical_and_study_annexes_are_added_on_the_file_page(world: World) -> None:
    owner = client_for(world, "owner")
    file = world.aid_file
    url = reverse("assistance:file_annex", args=[file.pk, "medical"])
    medical = {"medical-patient": "孙困难", "medical-diagnosis": "尘肺病", "medical-hospital": "县人民医院"}
    over = owner.post(
        url, {**medical, "medical-days": "20", "medical-total_cost": "100", "medical-insurance_paid": "200"}
    )
    assert over.status_code == 302 and not file.medical.exists()
    page = owner.post(
        url,
        {**medical, "medical-days": "20", "medical-total_cost": "30000", "medical-insurance_paid": "18000"},
        follow=True,
    ).content.decode()
    assert "附表已保存" in page and "12000.00" in page  # out of pocket
    study = {"study-student": "孙小明", "study-school": "大中中学", "study-grade": "初二", "study-yearly_fees": "2400"}
    owner.post(reverse("assistance:file_annex", args=[file.pk, "study"]), study)
    assert file.students.get().school == "大中中学"
    assert owner.post(reverse("assistance:file_annex", args=[file.pk, "other"]), study).status_code == 404
    sibling = client_for(world, "sibling").post(reverse("assistance:file_annex", args=[file.pk, "study"]), study)
    assert sibling.status_code == 404 and file.students.count() == 1


def test_over_budget_insurance_is_refused_with_a_chinese_message(world: World) -> None:
    from gonghui.assistance.annexes import medical_annex_add

    with pytest.raises(ValidationError, match="医保报销不能超过医疗总费用"):
        medical_annex_add(
            actor=world.users["owner"],
            file=world.aid_file,
            patient="孙困难",
            diagnosis="尘肺病",
            hospital="县医院",
            total_cost=Decimal("100"),
            insurance_paid=Decimal("101"),
        )
