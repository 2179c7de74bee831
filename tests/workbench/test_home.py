"""The home page: staff with a scope land on their union's dashboard (the platform administrator on the platform's),
a staff account without a role yet is told whom to ask."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.world import World


def test_home_sends_staff_to_their_dashboard(world: World) -> None:
    client = Client()
    client.force_login(world.users["same"])
    response = client.get(reverse("workbench:home"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('reports:dashboard')}?under={world.town_a.code}"
    admin = UserFactory(username="root-admin", is_superuser=True)
    client.force_login(admin)
    assert client.get(reverse("workbench:home"))["Location"] == reverse("reports:dashboard")
    client.force_login(world.users["outsider"])  # no role yet: told whom to ask
    page = client.get(reverse("workbench:home"))
    assert page.status_code == 200 and "还没有分配任何工会组织的角色" in page.content.decode()
