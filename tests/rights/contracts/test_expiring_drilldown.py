"""The expiring list honours what the dashboard's alert and the 集体合同 figures link with (issue 19): a union's
subtree (`under`, in scope) and the window in days (`days`: the alert counts 60, the figures 90)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from gonghui.reports.alerts import alerts_at
from gonghui.rights.contracts.choices import ContractStage
from gonghui.rights.contracts.figures import contract_figures
from tests.factories import Tree
from tests.orgs.drilldown import client_of, follow, found
from tests.rights.contracts.factories import TODAY, firm, signed

EXPIRING = reverse("contracts:expiring")


@pytest.fixture
def ending(tree: Tree) -> Tree:
    """城关 (union): ending in 0, 45, 60, 61 and 90 days, one in 45 days still being negotiated, one ended yesterday;
    富水 (other): ending in 30 days; 泰安 (stranger): ending in 10 days."""
    for n, days in enumerate((0, 45, 60, 61, 90, -1)):
        signed(firm(tree.union, name=f"城关企业{n}"), tree.cadre, ends_in=days)
    signed(firm(tree.union, name="城关企业未签"), tree.cadre, ends_in=45, stage=ContractStage.NEGOTIATING)
    signed(firm(tree.other, name="富水企业"), tree.cadre, ends_in=30)
    signed(firm(tree.stranger, name="泰安企业"), tree.outsider, ends_in=10)
    return tree


def test_the_alert_lists_the_contracts_it_counts(ending: Tree) -> None:
    client = client_of(ending.cadre)
    alert = {a.key: a for a in alerts_at(ending.cadre, ending.union)}["expiring_contracts"]
    page = follow(client, alert.url)
    assert found(page) == alert.count == 3  # today, 45 and 60 days; not 61, nor the one being negotiated
    assert "城关企业3" not in page and "富水企业" not in page and "60天内" in page
    county = {a.key: a for a in alerts_at(ending.cadre, ending.county)}["expiring_contracts"]
    assert found(follow(client, county.url)) == county.count == 4  # 富水's in 30 days too


def test_the_figure_lists_the_contracts_it_counts_in_90_days(ending: Tree) -> None:
    figure = {f.key: f for f in contract_figures(ending.union, TODAY().year)}["contracts_expiring"]
    client = client_of(ending.cadre)
    listed = re.findall(r'<tr><td><a href="/contracts/\d+/">', follow(client, figure.url))  # the list, ?soon=1
    assert len(listed) == figure.value == 5
    assert found(follow(client, f"{EXPIRING}?under={ending.union.code}")) == 5  # 90 days unless asked
    assert found(follow(client, f"{EXPIRING}?under={ending.union.code}", days="61")) == 4


@pytest.mark.parametrize("code", ["taian", "no-such-union"])
def test_a_union_outside_the_scope_is_refused(ending: Tree, code: str) -> None:
    stranger = ending.stranger.code if code == "taian" else code
    response = client_of(ending.cadre).get(EXPIRING, {"under": stranger, "days": "60"})
    assert response.status_code == 404 and "不在您的管理范围内" in response.content.decode()
    assert "泰安企业" not in response.content.decode()


@pytest.mark.parametrize(
    ("days", "reason"), [("0", "确保该值大于或等于1。"), ("400", "确保该值小于或等于366。"), ("六十", "输入整数")]
)
def test_a_bad_window_lists_nothing_and_says_why(ending: Tree, days: str, reason: str) -> None:
    page = follow(client_of(ending.cadre), f"{EXPIRING}?under={ending.union.code}", days=days)
    assert reason in page and found(page) == 0


def test_the_lists_queries_do_not_grow(ending: Tree, django_assert_max_num_queries: Any) -> None:
    client, url = client_of(ending.cadre), f"{EXPIRING}?under={ending.county.code}&days=60"
    client.get(url)
    with django_assert_max_num_queries(10) as few:
        client.get(url)
    for n in range(10):
        signed(firm(ending.other, name=f"富水批量{n}"), ending.cadre, ends_in=20 + n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert found(follow(client, url)) == 14
