"""The figures (per union subtree and year, with definitions and links) and the demo (商南's 41.4%)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from gonghui.orgs.kinds import OrgKind
from gonghui.rights.democracy.demo import load_demo_democracy
from gonghui.rights.democracy.figures import democracy_figures
from gonghui.rights.democracy.models import Disclosure, Proposal, Session
from gonghui.rights.democracy.selectors import current_reps, enterprises_for, shares
from tests.factories import EnterpriseFactory, Tree, UserFactory, make_org
from tests.rights.democracy.factories import enterprise_of, reps, session_of

pytestmark = pytest.mark.django_db


def test_figures_count_the_subtree_and_the_year(tree: Tree) -> None:
    firm = enterprise_of(tree.union)
    reps(firm, tree.cadre, industrial=(True, 2))
    reps(firm, tree.cadre, start=2000, manager=(True, 3))
    session = session_of(firm, tree.cadre, seats=5, attended=5)
    Proposal.objects.create(session=session, title="a", status="done", done_on=session.held_on)
    Proposal.objects.create(session=session, title="b")
    Disclosure.objects.create(
        enterprise=firm, topic="wages", title="c", disclosed_on=session.held_on, channel="board", created_by=tree.cadre
    )
    outside = enterprise_of(tree.stranger, name="泰安企业")
    reps(outside, tree.cadre, start=3000, industrial=(True, 4))
    got = {f.key: f for f in democracy_figures(tree.county, session.held_on.year)}
    assert got["democracy_sessions"].value == 1 and got["democracy_reps"].value == 5
    assert got["democracy_share_industrial"].value == 40.0
    assert got["democracy_proposals"].value == 2 and got["democracy_proposals_done"].value == 1
    assert got["democracy_disclosures"].value == 1
    assert all(f.definition and f.url for f in got.values())
    assert "status=done" in got["democracy_proposals_done"].url
    assert democracy_figures(tree.county, session.held_on.year - 1)[0].value == 0


def test_the_demo_gives_shangnan_41_4_percent_and_reruns_to_nothing() -> None:
    admin = UserFactory(is_superuser=True)
    shangnan = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    for code, name, industry in (
        ("sn-huzhiyi", "商洛市虎之翼科技有限公司", "C"),
        ("sn-kd-sudi", "商南县速递物流服务有限公司", "G"),
    ):
        union = make_org(f"{name}工会", parent=shangnan, code=code, region="611023")
        EnterpriseFactory(name=name, union=union, industry=industry, region_id="611023")
    made = load_demo_democracy(admin)
    assert made > 29 and load_demo_democracy(admin) == 0
    county = shares(current_reps(enterprises_for(admin, under=shangnan)))
    assert county.total == 29 and county.pct("industrial") == 41.4
    figures = {f.key: f.value for f in democracy_figures(shangnan, timezone.localdate().year)}
    held = Session.objects.order_by("held_on").first()
    assert held is not None and held.held_on >= timezone.localdate() - dt.timedelta(days=60)
    assert figures["democracy_share_industrial"] == 41.4
    assert Proposal.objects.filter(status="done").count() == 3 and Disclosure.objects.count() == 4
