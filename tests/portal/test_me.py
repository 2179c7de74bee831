"""我的: each domain's section lists the signed-in worker's own things, and the page's queries stay flat."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from gonghui.innovation.models import Proposal
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


def test_my_page_runs_a_fixed_number_of_queries(world: World, django_assert_max_num_queries: object) -> None:
    client = Client()
    client.force_login(world.users["member"])
    client.get(reverse("portal:me"))  # warm the session and the caches
    with django_assert_max_num_queries(12):  # type: ignore[operator]  # one per section, no role lookups
        assert client.get(reverse("portal:me")).status_code == 200
