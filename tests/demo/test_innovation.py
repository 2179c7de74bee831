"""The demo carries the 五小, studio and expert-desk stories' figures, and the figures page shows them."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.experts.figures import desk_figures
from gonghui.innovation.figures import innovation_figures
from gonghui.innovation.models import Project
from gonghui.orgs.models import OrgNode
from tests.demo.conftest import Demo


def _figures(code: str) -> dict[str, object]:
    org, year = OrgNode.objects.get(code=code), timezone.localdate().year
    return {f.key: f.value for f in innovation_figures(org, year) + desk_figures(org, year)}


def test_the_demo_innovation_tells_the_stories(demo: Demo, db: None) -> None:
    xiangshui = _figures("xiangshui")
    assert (xiangshui["projects_declared"], xiangshui["projects_recommended"]) == (47, 12)
    funing = _figures("funing")
    assert funing["experts"] == 30
    assert funing["needs_solved"] >= 60 and funing["enterprises_helped"] >= 20 and funing["service_events"] >= 20
    assert funing["workers_trained"] >= 300 and funing["benefit"] >= Decimal(5_000_000)
    liushi = _figures("liushi")
    assert (liushi["studios"], liushi["honors_county"], liushi["honors_enterprise"]) == (8, 26, 180)
    shangnan = _figures("shangnan")
    assert shangnan["proposals"] >= 120 and shangnan["value_saved"] >= Decimal(3_000_000)
    assert shangnan["model_worker_front_line_share"] == 70.0
    assert _figures("taian")["innovative_enterprises"] == 10
    assert Project.objects.filter(status="awarded").exclude(certificate_no="").count() == 6
    assert Project.objects.count() == 53  # (test_rerun.py: a second seed adds none)


def test_the_figures_page_shows_them_and_links_down(demo: Demo, db: None) -> None:
    client = Client()
    client.force_login(User.objects.get(username="yancheng"))
    page = client.get("/reports/figures/", {"under": "funing"}).content.decode()
    assert 'data-key="needs_solved"' in page and ">62个<" in page.replace("\n", "")
    drill = client.get("/experts/needs/", {"under": "funing", "status": "resolved", "q": "电"}).content.decode()
    assert "电磁流量计读数跳变" in drill and "电气控制柜过热停机" in drill
    outside = client.get("/experts/needs/", {"under": "taian"}).content.decode()  # drill-downs stay in scope
    assert "不在您的管理范围内" in outside and "泰安" not in outside
