"""The navigation registry: every module's entries, each a real page, shown by role."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from gonghui.common.navigation import nav_items
from tests.world import World


def test_every_module_registered_pages_that_exist() -> None:
    names = [item.url_name for item in nav_items()]
    for expected in ("workbench:home", "orgs:tree", "members:list", "ledger:payouts", "innovation:calls",
                     "experts:needs", "reports:figures", "orgs:staff_list"):  # fmt: skip
        assert expected in names
    for name in names:
        reverse(name)
    assert names[0] == "workbench:home" and names[-1] == "workbench:audit"


def test_entries_follow_the_user_s_roles(world: World) -> None:
    client = Client()
    client.force_login(world.users["helper"])  # 帮扶专员: no staff management, no audit
    page = client.get("/").content.decode()
    assert reverse("assistance:files") in page and reverse("orgs:staff_list") not in page
    client.force_login(world.users["owner"])
    assert reverse("orgs:staff_list") in client.get("/").content.decode()


def test_no_menu_while_a_step_is_owed(world: World) -> None:
    helper = world.users["helper"]
    helper.password_change_required = True
    helper.save(update_fields=["password_change_required"])
    client = Client()
    client.force_login(helper)
    page = client.get("/accounts/password/").content.decode()
    assert "修改密码" in page and reverse("members:list") not in page  # no links that would bounce back here


def test_a_payout_list_filtered_by_campaign_says_so(world: World) -> None:
    client = Client()
    client.force_login(world.users["owner"])
    page = client.get(reverse("ledger:payouts"), {"campaign": world.aid_campaign.pk}).content.decode()
    assert 'id="campaign-filter"' in page and world.aid_campaign.name in page
    assert 'id="campaign-filter"' not in client.get(reverse("ledger:payouts")).content.decode()
