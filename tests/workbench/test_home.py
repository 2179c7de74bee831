"""The home page: staff with a scope see their first union's dashboard there (the platform administrator the
platform's), served at "/" through the dashboard's URL name; a staff account without a role is told whom to ask."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory, make_org
from tests.world import World


def test_home_is_the_dashboard_of_the_user_s_first_union(world: World) -> None:
    client = Client()
    client.force_login(world.users["same"])
    response = client.get(reverse("workbench:home"))
    page = response.content.decode()
    assert response.status_code == 200 and "<h1>工作台 · 数据看板 · 大中街道总工会" in page
    assert 'id="alerts"' in page and 'id="breakdown-table"' in page
    assert f'action="{reverse("reports:dashboard")}"' in page  # choosing another union leaves home for the dashboard
    assert "建湖" not in page  # the sibling county is not theirs


def test_the_platform_administrator_s_home_is_the_platform_view(world: World) -> None:
    make_org("泰安市总工会", code="ta-city")  # a second root: the platform view sets the roots side by side
    client = Client()
    client.force_login(UserFactory(username="root-admin", is_superuser=True))
    page = client.get(reverse("workbench:home")).content.decode()
    assert 'id="platform-note"' in page and "盐城市总工会" in page and "泰安市总工会" in page


def test_a_staff_account_without_a_role_is_told_whom_to_ask(world: World) -> None:
    client = Client()
    client.force_login(world.users["outsider"])
    page = client.get(reverse("workbench:home"))
    assert page.status_code == 200 and "还没有分配任何工会组织的角色" in page.content.decode()
    assert 'id="alerts"' not in page.content.decode()
