import io
import json
import re
from typing import Any

import openpyxl
import pytest
from django.test import Client, override_settings
from django.urls import reverse

from gonghui.common.models import AuditAction, AuditEvent, Job
from gonghui.members.models import JoinTarget, Membership
from tests.members.conftest import make_id
from tests.world import World


@pytest.fixture
def owner(world: World) -> Client:
    client = Client()
    client.force_login(world.users["owner"])
    return client


def join_data(**extra: str) -> dict[str, str]:
    data = {
        "name": "张 三",
        "id_type": "resident",
        "id_number": make_id(321).lower(),
        "mobile": "139 1234 5678",
        "employment_form": "courier",
        "employer_name": "商南县速递物流",
        "occupation": "快递员",
        "village": "城关社区",
        "consent": "on",
    }
    data.update(extra)
    return data


def test_qr_join_then_duplicate_get_one_neutral_page_and_progress_moves_to_me(world: World) -> None:
    client = Client()
    url = reverse("join:org", args=[world.union_a.code])
    page = client.get(url).content.decode()
    assert "在线入会申请" in page and "测试基层工会" in page
    done = client.post(url, join_data()).content.decode()
    assert "申请已收到" in done
    again = client.post(url, join_data()).content.decode()
    assert again == done
    assert Membership.objects.filter(person__name="张 三").count() == 1
    progress = client.get(reverse("join:progress"))
    assert progress.status_code == 302 and progress["Location"].startswith("/h5/me/signin/")


def test_join_form_shows_each_error_in_chinese(world: World) -> None:
    html = (
        Client()
        .post(
            reverse("join:org", args=[world.union_a.code]), join_data(id_number="1.10105E+17", mobile="12", consent="")
        )
        .content.decode()
    )
    assert "Excel 存成了数字" in html and "手机号码应为 11 位" in html and "请阅读并同意" in html


def test_join_target_link_counts_scans_and_tags_the_application(world: World) -> None:
    join_target = JoinTarget.objects.create(
        org=world.union_a, name="货车司机入会", code="df-huoche-2024", year=2024, target=500
    )
    client = Client()
    url = reverse("join:join_target", args=[join_target.code])
    client.get(url)
    client.post(url, join_data())
    join_target.refresh_from_db()
    assert join_target.scans == 1 and join_target.memberships.count() == 1


@override_settings(PUBLIC_LIMIT_PER_IDENTITY="3/h")
def test_join_form_is_rate_limited_per_id_and_says_so_under_the_form(world: World) -> None:
    client = Client()
    url = reverse("join:org", args=[world.union_a.code])
    for _ in range(3):
        client.post(url, join_data())
    limited = client.post(url, join_data()).content.decode()
    assert "提交过于频繁" in limited
    other = client.post(url, join_data(id_number=make_id(322), mobile="13912345679", name="李 四")).content.decode()
    assert "申请已收到" in other  # another person from the same client is not locked out


def test_poster_and_qr_downloads(world: World, owner: Client) -> None:
    poster = owner.get(reverse("members:join_poster", args=[world.union_a.code])).content.decode()
    assert "<svg" in poster and "扫码入会" in poster and f"/h5/join/{world.union_a.code}/" in poster
    png = owner.get(reverse("members:join_qr", args=[world.union_a.code, "png"]))
    assert png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    svg = owner.get(reverse("members:join_qr", args=[world.union_a.code, "svg"]))
    assert b"<svg" in svg.content
    assert owner.get(reverse("members:join_qr", args=[world.union_a.code, "gif"])).status_code == 404


@pytest.mark.parametrize(
    "query", ["李在册", "李在冊", "lizaice", "lzc", "DF-0001", "320904198506120014", "13900000002"]
)
def test_member_search(world: World, owner: Client, query: str) -> None:
    html = owner.post(reverse("members:list"), {"q": query}, follow=True).content.decode()
    assert "李在册" in html and "王待审" not in html, query


class LoggingClient(Client):
    """A client that keeps every URL it requested, as an access log would."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[str] = []

    def request(self, **request: Any) -> Any:
        self.log.append(f"{request.get('PATH_INFO')}?{request.get('QUERY_STRING', '')}")
        return super().request(**request)


def test_no_id_or_mobile_reaches_a_url_from_the_list_search_pager_or_export(world: World) -> None:
    client = LoggingClient()
    client.force_login(world.users["owner"])
    numbers = ["320904198506120014", "13900000002"]
    pages = []
    for number in numbers:
        pages.append(client.post(reverse("members:list"), {"q": number}, follow=True).content.decode())
        pages.append(client.get(reverse("members:list"), {"q": number}, follow=True).content.decode())  # a typed URL
        client.post(reverse("members:export"), {"q": number})
    assert all("李在册" in page for page in pages)
    urls = client.log + [href for page in pages for href in re.findall(r'href="([^"]*)"', page)]
    logged = [u for u in urls if any(n in u for n in numbers)]
    assert logged == [f"/members/?q={numbers[0]}", f"/members/?q={numbers[1]}"]  # only the typed URLs themselves
    jobs = Job.objects.filter(kind="members.export").order_by("pk")
    assert jobs.count() == 2 and not any(n in json.dumps(j.params) for j in jobs for n in numbers)
    assert {j.params["qk"].split(".")[0] for j in jobs} == {"id", "m"}


def test_an_export_with_a_union_outside_the_scope_is_refused_not_widened(world: World, owner: Client) -> None:
    response = owner.post(reverse("members:export"), {"org": world.union_b.code}, follow=True)
    assert "找不到该组织" in response.content.decode()
    assert not Job.objects.filter(kind="members.export").exists()


def test_list_masks_personal_data_and_pages_by_keyset(world: World, owner: Client) -> None:
    from gonghui.members.identity import Applicant
    from gonghui.members.services import member_join

    for i in range(55):
        member_join(
            org=world.union_a,
            applicant=Applicant(
                name="批量会员", id_number=make_id(i, birth="19900101"), mobile=f"1380000{i:04d}", consent=True
            ),
        )
    first = owner.get(reverse("members:list"), {"q": "批量"}).content.decode()
    assert first.count("批量会员") == 50 and "13800000054" not in first and "138****0054" in first
    assert "after=" in first
    after = first.split("after=")[1].split('"')[0]
    second = owner.get(reverse("members:list"), {"q": "批量", "after": after}).content.decode()
    assert second.count("批量会员") == 5


def test_bulk_approval_and_overdue_flag(world: World, owner: Client) -> None:
    import datetime as dt

    from django.utils import timezone

    Membership.objects.filter(pk=world.pending.pk).update(applied_at=timezone.now() - dt.timedelta(days=30))
    page = owner.get(reverse("members:pending")).content.decode()
    assert "超过 15 个工作日" in page and "已超期" in page
    owner.post(reverse("members:decide"), {"ids": [world.pending.pk], "decision": "approve"})
    world.pending.refresh_from_db()
    assert world.pending.status == "active"
    response = owner.post(reverse("members:decide"), {"decision": "approve"}, follow=True)
    assert "请先勾选" in response.content.decode()


def test_export_is_masked_unless_full_is_asked_and_permitted(
    world: World, owner: Client, django_capture_on_commit_callbacks: object
) -> None:
    for full in ("", "1"):
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
            owner.post(reverse("members:export"), {"q": "", "full": full})
        job = Job.objects.filter(kind="members.export").latest("created_at")
        sheet = openpyxl.load_workbook(io.BytesIO(job.result_file.read())).active
        values = [str(c.value) for row in sheet.iter_rows() for c in row]
        assert ("320904198506120014" in values) == bool(full)
        assert ("320904********0014" in values) == (not full)
    actions = list(AuditEvent.objects.filter(action__in=["export", "export_pii"]).values_list("action", flat=True))
    assert AuditAction.EXPORT_PII in actions and AuditAction.EXPORT in actions


def test_reader_role_cannot_export_full_data(world: World) -> None:
    from gonghui.orgs.roles import Role
    from tests.factories import UserFactory, grant

    reader = UserFactory()
    grant(reader, world.union_a, Role.READONLY)
    client = Client()
    client.force_login(reader)
    assert client.post(reverse("members:export"), {"full": "1"}).status_code == 403


def test_revealing_a_number_is_audited(world: World, owner: Client) -> None:
    response = owner.post(reverse("members:reveal", args=[world.member.pk, "id_number"]))
    assert response.content.decode() == "320904198506120014"
    assert AuditEvent.objects.filter(action=AuditAction.VIEW_PII, target_type="members.person").count() == 1


def test_home_shows_pending_and_overdue_counts(world: World, owner: Client) -> None:
    import datetime as dt

    from django.utils import timezone

    Membership.objects.filter(pk=world.pending.pk).update(applied_at=timezone.now() - dt.timedelta(days=40))
    html = owner.get(reverse("workbench:home")).content.decode()
    assert "待审核入会申请" in html and "1 份超期" in html


def test_edit_member_details_audits_masked_changes(world: World, owner: Client) -> None:
    url = reverse("members:edit", args=[world.member.pk])
    assert "编辑会员信息" in owner.get(url).content.decode()
    bad = owner.post(url, {"name": "李在册", "ethnicity": "回族", "mobile": "123"}).content.decode()
    assert "手机号码应为 11 位" in bad
    response = owner.post(
        url,
        {"name": "李在册", "ethnicity": "回族", "mobile": "13911112222", "village": "白驹村", "skill_level": "grade3"},
    )
    assert response.status_code == 302
    world.member.refresh_from_db()
    person = world.member.person
    person.refresh_from_db()
    assert (person.ethnicity, person.village, world.member.skill_level) == ("回族", "白驹村", "grade3")
    assert person.mobile == "13911112222"
    event = AuditEvent.objects.filter(action="update", target_type="members.person").latest("id")
    assert event.detail["mobile"] == ["139****0002", "139****2222"] and "13911112222" not in str(event.detail)
    owner.post(url, {"name": "李在册", "ethnicity": "回族", "mobile": ""})
    person.refresh_from_db()
    assert person.mobile == "13911112222"  # blank keeps the stored number
