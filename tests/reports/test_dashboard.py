"""The federation dashboard (数据看板): headline cards with 同比 and targets, the children side by side with the
own row (本级), links narrowed to each union, the platform administrator's view, bad periods, the home page's
redirect, and a number of queries that does not grow with the number of children.

The hand-counted fixture (`County`): 商南县总工会 with two grassroots unions; 新入会 (members_joined) by union:

                 last year (Jun 15)   the year before (Jun 15)
  county itself         2                    0
  城关 (u1)             3                    2
  富水 (u2)             1                    2
  泰安 (elsewhere)      5                    0        ← another federation: never counted

So for last year the county's total is 6 (同比 +50.0% over 4), its own row 6 − 3 − 1 = 2, 城关 ↑50.0%, 富水 ↓50.0%.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gonghui.common.figures import FIGURE_GROUPS
from gonghui.members.models import Membership
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode
from gonghui.reports.dashboard import LINES
from tests.factories import UserFactory, grant, make_member, make_org, today


class County:
    def __init__(self) -> None:
        self.county = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="sn-county")
        self.u1 = make_org("商南县城关基层工会", parent=self.county, code="sn-u1")
        self.u2 = make_org("商南县富水基层工会", parent=self.county, code="sn-u2")
        self.elsewhere = make_org("泰安市总工会", code="ta-city")
        self.cadre = UserFactory(username="sn-cadre")
        grant(self.cadre, self.county)
        self.u1_cadre = UserFactory(username="sn-u1-cadre")
        grant(self.u1_cadre, self.u1)
        self.stranger = UserFactory(username="ta-cadre")
        grant(self.stranger, self.elsewhere)
        self.year = today().year - 1
        self.seq = 0
        for org, this, before in ((self.county, 2, 0), (self.u1, 3, 2), (self.u2, 1, 2), (self.elsewhere, 5, 0)):
            self.joins(org, this, dt.date(self.year, 6, 15))
            self.joins(org, before, dt.date(self.year - 1, 6, 15))

    def joins(self, org: OrgNode, n: int, on: dt.date) -> None:
        for _ in range(n):
            self.seq += 1
            member = make_member(org, self.seq)
            Membership.objects.filter(pk=member.pk).update(joined_on=on)

    def client(self, user: Any = None) -> Client:
        client = Client()
        client.force_login(user or self.cadre)
        return client

    def page(self, org: OrgNode, user: Any = None, **params: Any) -> str:
        query = {"under": org.code, "period": str(self.year), **params}
        response = self.client(user).get(reverse("reports:dashboard"), query)
        assert response.status_code == 200
        return response.content.decode()


@pytest.fixture
def sn(db: None) -> County:
    return County()


def island(page: str, name: str) -> Any:
    start = page.index(f'id="{name}"')
    start = page.index(">", start) + 1
    return json.loads(page[start : page.index("</script>", start)])


def card(page: str, key: str) -> str:
    """The headline card of one figure, as rendered."""
    start = page.rindex("<a ", 0, page.index(f'data-key="{key}"', page.index('class="dash-line"')))
    return page[start : page.index("</a>", start)]


def breakdown_rows(page: str) -> dict[str, list[str]]:
    """The breakdown table's rows by their first cell's text: the cells' texts (tags stripped)."""
    import re

    table = page[page.index('id="breakdown-table"') : page.index("</table>", page.index('id="breakdown-table"'))]
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


def test_the_headline_counts_the_subtree_with_its_change_on_the_year_before(sn: County) -> None:
    page = sn.page(sn.county)
    joined = card(page, "members_joined")
    assert ">6<" in joined and "↑ 50.0%" in joined  # 2 + 3 + 1 this year against 0 + 2 + 2 the year before
    assert 'href="/members/?under=sn-county' in joined and 'title="本期入会' in joined
    assert "泰安" not in page  # another federation's union is neither counted nor named


def test_arrows_show_each_union_s_own_change(sn: County) -> None:
    assert "↑ 50.0%" in card(sn.page(sn.u1), "members_joined")  # 3 against 2
    down = card(sn.page(sn.u2), "members_joined")
    assert "↓ 50.0%" in down and 'class="yoy down"' in down  # 1 against 2


def test_the_breakdown_shows_children_the_own_row_and_the_total(sn: County) -> None:
    page = sn.page(sn.county, col=["members_joined", "members_total"])
    rows = breakdown_rows(page)
    head = rows.pop("下级工会")
    assert head[0].startswith("新入会") and head[1].startswith("会员总数")
    assert rows["商南县城关基层工会"][0] == "3" and rows["商南县富水基层工会"][0] == "1"
    assert rows["本级"][0] == "2"  # 6 less the children's 3 + 1
    assert rows["本级"][1] == "—"  # a recount (members on the roll) has no own row
    assert rows["合计"][0] == "6"
    chart = island(page, "breakdown-data")
    assert chart["names"] == ["商南县城关基层工会", "商南县富水基层工会", "本级"]
    assert chart["columns"][0]["values"] == [3, 1, 2]


def test_each_child_s_cell_links_to_that_child_s_records(sn: County) -> None:
    page = sn.page(sn.county, col=["members_joined"])
    table = page[page.index('id="breakdown-table"') :]
    assert 'href="/members/?under=sn-u1&amp;' in table and 'href="/members/?under=sn-u2&amp;' in table
    assert f'href="{reverse("reports:dashboard")}?under=sn-u1' in table  # the child's own dashboard


def test_a_sibling_or_an_outsider_gets_404_and_a_grassroots_cadre_sees_only_their_union(sn: County) -> None:
    client = sn.client(sn.stranger)
    assert client.get(reverse("reports:dashboard"), {"under": sn.county.code}).status_code == 404
    assert sn.client(sn.u1_cadre).get(reverse("reports:dashboard"), {"under": sn.county.code}).status_code == 404
    own = sn.client(sn.u1_cadre).get(reverse("reports:dashboard")).content.decode()
    assert "商南县城关基层工会" in own and "富水" not in own  # no union named: their first (only) one
    assert 'value="商南县城关基层工会（sn-u1）"' in own  # the picker shows it as a chosen suggestion does
    picked = sn.client().get(reverse("reports:dashboard"), {"under": "商南县城关基层工会（sn-u1）"})
    assert picked.status_code == 200 and "<h1>数据看板 · 商南县城关基层工会" in picked.content.decode()


def test_a_bad_period_is_said_in_chinese_and_this_year_so_far_shown(sn: County) -> None:
    future = sn.page(sn.county, period=f"{today().year + 1}")
    assert "统计期间还没有开始，不能统计将来的数字。" in future
    assert f'<option value="{today().year}-ytd" selected' in future
    garbled = sn.page(sn.county, period="2025-13")
    assert "月份应在 1 到 12 之间。" in garbled
    OrgNode.objects.filter(pk=sn.u1.pk).update(established_on=dt.date(today().year, 1, 1))
    before = sn.page(sn.u1, period=str(today().year - 2))
    assert "才成立，所选期间早于成立日期" in before


def test_a_month_shows_the_periodic_figures_and_says_which_count_by_year(sn: County) -> None:
    june = sn.page(sn.county, period=f"{sn.year}-06")
    assert ">6<" in card(june, "members_joined")  # all six joined on 15 June
    assert ">0<" in card(sn.page(sn.county, period=f"{sn.year}-07"), "members_joined")

    def note(page: str, line: str) -> bool:
        section = page[page.index(f'id="line-{line}"') :]
        return "部分指标按年度统计" in section[: section.index("</section>")]

    yearly = {
        line.key for line in LINES if any(g in FIGURE_GROUPS and not FIGURE_GROUPS[g].periodic for g in line.groups)
    }
    assert yearly and "members" not in yearly  # 会员 counts any period; 技能提升 and 维权服务 count by year (today)
    shown = [line.key for line in LINES if f'id="line-{line.key}"' in june]
    assert {key for key in shown if note(june, key)} == yearly & set(shown)
    year = sn.page(sn.county)
    assert not any(note(year, line.key) for line in LINES if f'id="line-{line.key}"' in year)


def test_the_definitions_are_listed_and_the_trends_embedded(sn: County) -> None:
    page = sn.page(sn.county)
    definitions = page[page.index('id="definitions"') :]
    assert "统计口径" in definitions and "本期入会" in definitions and "待审核入会申请" in definitions
    trends = island(page, "trend-data")
    joined = next(t for t in trends["trends"] if t["key"] == "members_joined")
    assert joined["this"][5] == 6 and joined["last"][5] == 4  # June, last year and the year before
    assert len(joined["this"]) == 12 and trends["names"]["this"] == f"{sn.year}年"


def test_the_platform_administrator_sees_the_roots_side_by_side_and_their_total(sn: County) -> None:
    admin = UserFactory(username="platform-admin", is_superuser=True)
    query = {"period": str(sn.year), "col": "members_joined"}
    page = sn.client(admin).get(reverse("reports:dashboard"), query).content.decode()
    assert 'id="platform-note"' in page and "全平台" in page
    rows = breakdown_rows(page)
    assert rows["商南县总工会"][0] == "6" and rows["泰安市总工会"][0] == "5"
    assert rows["合计"][0] == "11"
    assert ">11<" in card(page, "members_joined")
    total = card(page, "members_joined")
    assert 'href="/members/?' in total and "under=" not in total and "sn-county" not in total  # the whole tree
    one = sn.client(admin).get(reverse("reports:dashboard"), {"under": sn.u2.code}).content.decode()
    assert "商南县富水基层工会" in one and 'id="platform-note"' not in one


def test_queries_do_not_grow_with_the_number_of_children(sn: County) -> None:
    def measured() -> int:
        client = sn.client()
        url = reverse("reports:dashboard")
        client.get(url, {"under": sn.county.code})  # counts and stores what is missing
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"under": sn.county.code}).status_code == 200
        return len(queries)

    two = measured()
    for n in range(4):
        child = make_org(f"商南县新建基层工会{n}", parent=sn.county)
        sn.joins(child, 1, today())
    assert measured() == two <= 20  # 17 today: session, user, union, roles, 6 stored reads, 4 alerts, nav


def test_an_empty_platform_says_so(db: None) -> None:
    client = Client()
    client.force_login(UserFactory(username="first-admin", is_superuser=True))
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert "平台上还没有工会组织。" in page and 'id="alerts"' not in page


def test_only_a_large_federation_reads_its_stored_figures_of_any_age(sn: County) -> None:
    from gonghui.reports.dashboard import stale_is_fine

    town = make_org("城关镇总工会", parent=sn.county, kind=OrgKind.TOWN)
    assert stale_is_fine(sn.county) and stale_is_fine(sn.elsewhere)
    assert not stale_is_fine(town) and not stale_is_fine(sn.u1)


def test_a_target_shows_its_completion_and_the_platform_sums_only_complete_targets(sn: County) -> None:
    from gonghui.members.models import JoinTarget
    from gonghui.reports.models import FigureValue

    JoinTarget.objects.create(org=sn.county, name="商南入会行动", code="sn-t", year=sn.year, target=10)
    assert "目标 10人 · 完成 60.0%" in card(sn.page(sn.county), "members_joined")  # 6 of 10
    admin = UserFactory(username="platform-admin", is_superuser=True)
    platform = sn.client(admin).get(reverse("reports:dashboard"), {"period": str(sn.year)}).content.decode()
    assert "完成" not in card(platform, "members_joined")  # 泰安 has no target: 10 would flatter 11 joins
    JoinTarget.objects.create(org=sn.elsewhere, name="泰安入会行动", code="ta-t", year=sn.year, target=5)
    FigureValue.objects.all().delete()  # the stored sheets were counted before 泰安's target
    platform = sn.client(admin).get(reverse("reports:dashboard"), {"period": str(sn.year)}).content.decode()
    assert "目标 15人 · 完成 73.3%" in card(platform, "members_joined")  # 11 of 15
