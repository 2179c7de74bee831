"""The figures registry: domains register their figures, reports lists them without importing a domain."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS, Figure, figure_groups, register_figures
from tests.world import World


def test_each_domain_registered_its_figures_in_report_order() -> None:
    keys = [group.key for group in figure_groups()]
    assert keys[:2] == ["orgs", "members"]  # the core lines of work first, then 建功立业 before the help desk
    assert keys.index("innovation") < keys.index("desk") < keys.index("stations")


def test_every_figure_says_what_it_counts_and_links_to_its_list(world: World) -> None:
    year = timezone.localdate().year
    for group in figure_groups():
        for figure in group.compute(world.town_a, year):
            assert figure.definition, figure.key
            assert f"under={world.town_a.code}" in figure.url, figure.key


def test_a_later_module_plugs_in_and_the_page_and_api_show_it(world: World) -> None:
    def skills(org: object, year: int) -> list[Figure]:
        return [Figure("contests", "技能竞赛", 7, "场", "/skills/", "本年度举办的劳动和技能竞赛场次。")]

    register_figures("skills", "技能提升", skills, order=1000)
    try:
        client = Client()
        client.force_login(world.users["owner"])
        page = client.get("/reports/figures/", {"under": world.town_a.code}).content.decode()
        assert 'id="skills-figures"' in page and 'title="本年度举办的劳动和技能竞赛场次。"' in page
        token = {"Authorization": f"Bearer {world.tokens['owner']}"}
        rows = client.get("/api/v1/reports/figures", {"org_code": "大中街道总工会"}, headers=token).json()
        assert {"group": "skills", "key": "contests", "value": 7.0}.items() <= rows[-1].items()
        beside = Client().get("/api/v1/reports/figures", {"org_code": world.union_b.code}, headers=token)
        assert beside.status_code == 404
    finally:
        FIGURE_GROUPS.pop("skills")
