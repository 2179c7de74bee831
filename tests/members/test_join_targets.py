import io

import openpyxl
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from gonghui.members.identity import Applicant
from gonghui.members.join_targets import join_target_create, join_target_progress
from gonghui.members.models import JoinTarget
from gonghui.members.services import join_target_scan, member_join, membership_approve
from tests.members.conftest import make_id
from tests.world import World


def driver(i: int, village: str) -> Applicant:
    return Applicant(
        name="货车司机",
        id_number=make_id(i, birth="19800101"),
        mobile=f"1377777{i:04d}",
        employment_form="truck_driver",
        platform="运满满",
        village=village,
        consent=True,
    )


def test_progress_funnel_and_ledgers(world: World) -> None:
    join_target = JoinTarget.objects.create(
        org=world.county_a,
        name="大丰区货车司机入会",
        code="df-trucks",
        year=world.join_target.year,
        target=10,
        employment_form="truck_driver",
    )
    for _ in range(4):
        join_target_scan(join_target=join_target)
    results = [
        member_join(org=org, applicant=driver(i, village), join_target=join_target)
        for i, (org, village) in enumerate(
            [(world.union_a, "草堰村"), (world.union_a, "草堰村"), (world.joint_a, "西团社区"), (world.county_a, "")]
        )
    ]
    for result in results[:3]:
        membership_approve(actor=world.users["owner"], membership=result.membership)  # type: ignore[arg-type]
    member_join(org=world.union_b, applicant=driver(9, "建湖村"))  # outside the target's subtree
    p = join_target_progress(JoinTarget.objects.get(pk=join_target.pk))
    assert (p.scans, p.submitted, p.joined, p.percent) == (4, 4, 3, 30.0)
    lines = {line.label: (line.submitted, line.joined) for line in p.by_child}
    assert lines["大中街道总工会"] == (3, 3) and lines["大丰区总工会（本级）"] == (1, 0)
    villages = {line.label: (line.submitted, line.joined) for line in p.by_village}
    assert villages == {"草堰村": (2, 2), "西团社区": (1, 1), "（未填写）": (1, 0)}


def test_create_rules(world: World) -> None:
    owner = world.users["owner"]
    try:
        join_target_create(actor=owner, org=world.town_a, name="", code="w-huoche", year=2024, target=0)
    except ValidationError as exc:
        assert set(exc.message_dict) == {"name", "code", "target"}
    else:
        raise AssertionError("expected errors")


def test_pages_and_excel(world: World) -> None:
    client = Client()
    client.force_login(world.users["owner"])
    response = client.post(
        reverse("members:join_target_new"),
        {
            "org": world.town_a.code,
            "name": "大中街道快递员入会",
            "code": "dz-kuaidi",
            "employment_form": "courier",
            "year": 2024,
            "target": 50,
        },
    )
    join_target = JoinTarget.objects.get(code="dz-kuaidi")
    assert response["Location"] == reverse("members:join_target", args=[join_target.pk])
    page = client.get(response["Location"]).content.decode()
    assert "一村一台账" in page and "/h5/join/c/dz-kuaidi/" in page
    xlsx = client.get(reverse("members:join_target_export", args=[join_target.pk]))
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["总体", "按下级工会", "一村一台账"]
    poster = client.get(reverse("members:join_target_poster", args=[join_target.pk])).content.decode()
    assert "大中街道快递员入会" in poster and "<svg" in poster
    png = client.get(reverse("members:join_target_qr", args=[join_target.pk, "png"]))
    assert png.content[:4] == b"\x89PNG" and 'filename="join-dz-kuaidi.png"' in png["Content-Disposition"]
    other = client.post(
        reverse("members:join_target_new"),
        {"org": world.county_b.code, "name": "x", "code": "x1", "year": 2024, "target": 5},
    )
    assert "无权" in other.content.decode()


def test_applications_through_the_link_count_and_take_the_target_s_group(world: World) -> None:
    link_target = JoinTarget.objects.create(
        org=world.town_a,
        name="大中货车司机（运满满）",
        code="dz-ymm",
        year=world.join_target.year - 3,  # an old target: its period is long over, its link still counts
        target=5,
        employment_form="truck_driver",
        platform="运满满",
    )
    client = Client()
    page = client.get(reverse("join:join_target", args=[link_target.code])).content.decode()
    assert '<option value="truck_driver" selected>' in page  # the form opens on the target's group
    for i in range(5):
        client.post(
            reverse("join:join_target", args=[link_target.code]),
            {
                "name": "链接司机",
                "id_type": "resident",
                "id_number": make_id(300 + i, birth="19820202"),
                "mobile": f"1366666{i:04d}",
                "employment_form": "",  # left blank on a phone: the target's group applies
                "consent": "on",
            },
        )
    progress = join_target_progress(link_target)
    assert progress.submitted == 5 and progress.via_link == 5
    applied = link_target.memberships.all()
    assert {(m.employment_form, m.platform) for m in applied} == {("truck_driver", "运满满")}
