"""我的: each domain's section lists the signed-in worker's own things, and the page's queries stay flat."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gonghui.common.portal import MY_SECTIONS
from gonghui.innovation.models import Proposal
from gonghui.members.models import Notice
from tests.world import World


def _me(world: World) -> str:
    client = Client()
    client.force_login(world.users["member"])
    return client.get(reverse("portal:me")).content.decode()


def test_my_proposals_with_the_unions_answer_and_my_enterprises_needs(world: World) -> None:
    Proposal.objects.create(
        org=world.union_a,
        enterprise=world.enterprise,
        proposer_name="李在册",
        proposer=world.member.person,
        title="空压机余热回收",
        content="把余热用于车间供暖",
        status="declined",
        decision_reason="设备明年更换，届时一并考虑",
    )
    page = _me(world)
    assert "空压机余热回收" in page and "设备明年更换" in page
    assert "测试合理化建议" not in page  # the World's proposal is 王建议's, not theirs
    assert "测试企业需求流量计" not in page  # not the enterprise's contact
    world.enterprise.contact_phone = "13900000002"  # 李在册's number on record
    world.enterprise.save()
    page = _me(world)
    assert "测试企业需求流量计" in page and reverse("desk:mine") in page


def test_my_page_runs_a_fixed_number_of_queries(world: World) -> None:
    client = Client()
    client.force_login(world.users["member"])
    client.get(reverse("portal:me"))  # warm the session and the caches

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("portal:me")).status_code == 200
        return len(queries)

    few = count()
    for n in range(5):  # more rows in every section must not mean more queries
        Notice.objects.create(org=world.union_a, title=f"通知{n}", body="内容内容内容")
        Proposal.objects.create(
            org=world.union_a, enterprise=world.enterprise, proposer=world.member.person, title=f"建议{n}", content="x"
        )
    # one per section each domain adds (活动, 会员卡, 预约, 微心愿, 培训, 案件 …) beyond the page's own eight,
    # and no role lookups for a worker
    assert count() == few <= 8 + len(MY_SECTIONS)


def test_a_unions_notice_reaches_the_members_under_it_until_withdrawn(world: World) -> None:
    owner = Client()
    owner.force_login(world.users["owner"])
    body = {"org": world.county_a.code, "title": "高温补贴发放通知", "body": "六月至九月按月发放高温补贴。"}
    assert owner.post(reverse("members:notices"), body).status_code == 302
    sibling = Client()
    sibling.force_login(world.users["sibling"])
    refused = sibling.post(reverse("members:notices"), {**body, "title": "越权通知"}).content.decode()
    assert "无权发布通知" in refused and not Notice.objects.filter(title="越权通知").exists()
    notice = Notice.objects.get(title="高温补贴发放通知")
    page = _me(world)
    assert "高温补贴发放通知" in page and "测试工会通知" in page  # the county's and the town's
    member = Client()
    member.force_login(world.users["member"])
    assert "六月至九月" in member.get(reverse("portal:notice", args=[notice.pk])).content.decode()
    owner.post(reverse("members:notice_withdraw", args=[notice.pk]))
    assert "高温补贴发放通知" not in _me(world)
    assert member.get(reverse("portal:notice", args=[notice.pk])).status_code == 404
    other = Notice.objects.create(org=world.county_b, title="建湖通知", body="只发给建湖的会员。")
    assert member.get(reverse("portal:notice", args=[other.pk])).status_code == 404
