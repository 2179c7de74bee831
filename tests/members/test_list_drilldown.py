"""The roster and the pending joins honour what the 会员 figures and the overdue alert link with (issue 19): a
union's subtree (`under`, also beside the roster's own `org` filter, as a child's cell in the dashboard links),
statuses, join dates, overdue applications. On the hand-counted register of tests/members/test_figures.py."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.common.models import Job
from gonghui.members.choices import MembershipStatus
from gonghui.members.figures import members_figures
from gonghui.members.models import Membership
from gonghui.orgs.roles import Role
from gonghui.reports.alerts import alerts_at
from gonghui.reports.periods import year_period
from gonghui.reports.selectors import link_for_union
from tests.factories import UserFactory, grant
from tests.members.test_figures import member, register  # noqa: F401  (the hand-counted register)
from tests.orgs.drilldown import client_of, follow, found
from tests.orgs.figures_fixtures import FigureTree

ROSTER, PENDING = reverse("members:list"), reverse("members:pending")


@pytest.fixture
def cadre(register: FigureTree) -> Any:  # noqa: F811
    user = UserFactory(username="f-city-reader")
    grant(user, register.city, Role.READONLY)
    return user


def names(page: str) -> set[str]:
    """The people a roster page lists (职工N, as tests/orgs/figures_fixtures.person names them)."""
    return set(re.findall(r'<a href="/members/\d+/">(职工\d+)</a>', page))


def test_a_figure_and_a_childs_cell_list_the_members_they_count(register: FigureTree, cadre: Any) -> None:  # noqa: F811
    t, client = register, client_of(cadre)
    figures = {f.key: f for f in members_figures(t.county, year_period(t.year))}
    total = figures["members_total"]
    assert names(follow(client, total.url)) == {f"职工{n}" for n in (1, 2, 3, 4, 5, 6)} and total.value == 6
    child = follow(client, link_for_union(total.url, t.county, t.a))  # under=f-a&…&org=f-county
    assert names(child) == {"职工1", "职工2", "职工3", "职工4"}  # a's; b's 5 and 6 are not what a counts
    assert names(follow(client, figures["members_left"].url)) == {"职工7"} and figures["members_left"].value == 1
    assert len(names(follow(client, figures["members_transfers_out"].url))) == figures["members_transfers_out"].value


def test_a_union_outside_the_scope_is_refused_on_the_roster_and_the_pending_list(register: FigureTree) -> None:  # noqa: F811
    county_cadre = UserFactory(username="f-county-reader")
    grant(county_cadre, register.county, Role.READONLY)
    client = client_of(county_cadre)
    for url in (ROSTER, PENDING):
        for code in ("f-s", "no-such-union"):
            response = client.get(url, {"under": code})
            assert response.status_code == 404, (url, code)
            assert "不在您的管理范围内" in response.content.decode() and "职工10" not in response.content.decode()
    both = follow(client, f"{ROSTER}?under={register.a.code}", org=register.b.code)
    assert names(both) == set()  # a's subtree and b's hold nobody in common: nobody, not the whole county


def overdue(membership: Membership) -> None:
    Membership.objects.filter(pk=membership.pk).update(applied_at=timezone.now() - dt.timedelta(days=40))


def test_the_pending_list_narrows_to_a_union_and_to_the_overdue(register: FigureTree, cadre: Any) -> None:  # noqa: F811
    t, client = register, client_of(cadre)
    overdue(member(t.b, 11, None, status=MembershipStatus.PENDING))
    overdue(member(t.s, 12, None, status=MembershipStatus.PENDING))  # the sibling county's
    figure = {f.key: f for f in members_figures(t.county, year_period(t.year))}["members_pending"]
    page = follow(client, figure.url)
    assert found(page) == figure.value == 2 and "职工8" in page and "职工11" in page and "职工12" not in page
    alert = {a.key: a for a in alerts_at(cadre, t.county)}["overdue_joins"]
    late = follow(client, alert.url)
    assert found(late) == alert.count == 1 and "职工11" in late and "职工8" not in late
    assert found(follow(client, f"{PENDING}?under={t.a.code}&overdue=1")) == 0
    assert found(follow(client, PENDING)) == 3  # the city's scope: the sibling county's too


def test_the_pending_lists_queries_do_not_grow(
    register: FigureTree,  # noqa: F811
    cadre: Any,
    django_assert_max_num_queries: Any,
) -> None:
    t, client = register, client_of(cadre)
    url = f"{PENDING}?under={t.county.code}&overdue=1"
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for n in range(20):
        overdue(member(t.a, 100 + n, None, status=MembershipStatus.PENDING))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = follow(client, url)
    assert found(page) == 20


def test_the_export_holds_what_the_narrowed_roster_shows(
    register: FigureTree,  # noqa: F811
    django_capture_on_commit_callbacks: Any,
) -> None:
    t = register
    admin = UserFactory(username="f-city-admin")
    grant(admin, t.city, Role.ADMIN)
    client = client_of(admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:export"), {"under": t.a.code, "org": t.county.code, "status": "active"})
    job = Job.objects.get(kind="members.export")
    assert job.org == t.a and job.result["rows"] == 4  # a's four on the roll, not the county's six
    response = client.post(reverse("members:export"), {"under": t.a.code, "org": t.b.code}, follow=True)
    assert "所选工会不在下钻的工会及其下级中" in response.content.decode()
    assert Job.objects.filter(kind="members.export").count() == 1
