"""The roster and the pending joins honour what the 会员 figures and the overdue alert link with (issue 19): a
union's subtree (`under`, also beside the roster's own `org` filter, as a child's cell in the dashboard links),
statuses, a period's join or end dates, joins apart from transfers in, the roll as of a day, women, migrant
workers, the new forms of employment, overdue applications. On the hand-counted register of
tests/members/test_figures.py, with this year's changes (`this_year`) for the year so far.

The roster pages by keyset and states no total (a million-member union is never counted to draw a page): its
tests count the rows a page lists, every list here being shorter than a page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from gonghui.common.figures import Period
from gonghui.common.models import Job
from gonghui.members.choices import JoinSource, MembershipStatus
from gonghui.members.counters import member_counts_repair
from gonghui.members.figures import members_figures
from gonghui.members.models import Membership
from gonghui.orgs.roles import Role
from gonghui.reports.alerts import alerts_at
from gonghui.reports.periods import quarter_period, to_date_period, year_period
from gonghui.reports.selectors import link_for_union
from tests.factories import UserFactory, grant, today
from tests.members.test_figures import member, register  # noqa: F401  (the hand-counted register)
from tests.orgs.drilldown import client_of, follow, found
from tests.orgs.figures_fixtures import FigureTree, person

ROSTER, PENDING = reverse("members:list"), reverse("members:pending")


@pytest.fixture
def cadre(register: FigureTree) -> Any:  # noqa: F811
    user = UserFactory(username="f-city-reader")
    grant(user, register.city, Role.READONLY)
    return user


def names(page: str) -> set[str]:
    """The people a roster page lists (职工N, as tests/orgs/figures_fixtures.person names them)."""
    return set(rows(page))


def rows(page: str) -> list[str]:
    """The memberships a roster page lists, by their person's name (a mover has two)."""
    return re.findall(r'<a href="/members/\d+/">(职工\d+)</a>', page)


@pytest.fixture
def this_year(register: FigureTree) -> FigureTree:  # noqa: F811
    """Today: a woman courier, a migrant worker, joins a; a member of a since last June moves to b; a member of b
    since last February dies; one more joins the sibling county's s. Then the kept counters are set right."""
    t, day = register, today()
    member(t.a, 20, day, form="courier", sex="F", migrant=True)
    mover = person(21)
    member(t.a, 21, t.day(6, 1), status=MembershipStatus.TRANSFERRED, ended=day, who=mover)
    member(t.b, 21, day, source=JoinSource.TRANSFER, who=mover)
    member(t.b, 22, t.day(2, 1), status=MembershipStatus.DECEASED, ended=day)
    member(t.s, 23, day)
    member_counts_repair()
    return t


COUNTED = ("members_total", "members_joined", "members_joined_new_forms", "members_transfers_in")
COUNTED += ("members_transfers_out", "members_left", "members_women", "members_migrant", "members_new_forms")


def each_figure_lists_what_it_counts(client: Any, org: Any, period: Period) -> dict[str, int]:
    """Follows each counting figure's own link (nothing added): the roster lists as many as the figure says,
    the pending list states it; the figures' values, to check that the period holds something to list."""
    figures = {f.key: f for f in members_figures(org, period)}
    for key in COUNTED:
        page = follow(client, figures[key].url)
        assert len(rows(page)) == figures[key].value, (key, figures[key].url, rows(page))
        assert "职工10" not in page and "职工23" not in page  # the sibling county's
    pending = figures["members_pending"]
    assert found(follow(client, pending.url)) == pending.value
    for key in ("members_women_share", "members_migrant_share", "members_new_forms_share"):
        assert figures[key].url == figures[key.removesuffix("_share")].url  # a share links to its group
    return {key: int(figures[key].value or 0) for key in COUNTED}


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_each_figure_of_a_quarter_lists_the_members_it_counts(this_year: FigureTree, cadre: Any, quarter: int) -> None:
    t = this_year
    counted = each_figure_lists_what_it_counts(client_of(cadre), t.county, quarter_period(t.year, quarter))
    expected = {
        1: {"members_joined": 4, "members_total": 6},  # 职工22 and the March joins; the mover, the leaver on the roll
        # April's truck driver and the June join of the member who moves today
        2: {"members_joined": 2, "members_joined_new_forms": 1, "members_transfers_in": 1, "members_transfers_out": 1},
        3: {"members_left": 1, "members_women": 1},  # the leaver on 1 August
        4: {"members_joined": 1, "members_migrant": 1, "members_total": 8},  # November's; 21 and 22 still there
    }[quarter]
    assert {k: counted[k] for k in expected} == expected


def test_each_figure_of_the_year_so_far_lists_the_members_it_counts(this_year: FigureTree, cadre: Any) -> None:
    t = this_year
    counted = each_figure_lists_what_it_counts(client_of(cadre), t.county, to_date_period(today().year))
    assert counted["members_joined"] == counted["members_joined_new_forms"] == 1  # today's courier
    assert counted["members_transfers_in"] == counted["members_transfers_out"] == counted["members_left"] == 1
    assert counted["members_total"] == 8 and counted["members_women"] == counted["members_migrant"] == 2
    a = each_figure_lists_what_it_counts(client_of(cadre), t.a, to_date_period(today().year))
    assert (a["members_joined"], a["members_transfers_in"], a["members_transfers_out"]) == (1, 0, 1)


def test_a_search_typed_on_a_drilled_roster_keeps_the_drill_down(this_year: FigureTree, cadre: Any) -> None:
    t, client = this_year, client_of(cadre)
    joined = {f.key: f for f in members_figures(t.county, year_period(t.year))}["members_joined"]
    page = follow(client, joined.url)
    for hidden in ('name="join" value="new"', f'name="start" value="{t.year}-01-01"', 'name="under" value="f-county"'):
        assert hidden in page
    data = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    data.update(start=f"{t.year}-01-01", end=f"{t.year}-12-31", employment_form="truck_driver")
    data.pop("csrfmiddlewaretoken", None)
    moved = client.post(ROSTER, data)
    assert moved.status_code == 302 and "join=new" in moved.url and f"start={t.year}-01-01" in moved.url
    assert names(follow(client, moved.url)) == {"职工4"}  # the truck driver who joined last year


def test_a_bad_day_lists_nobody_and_says_why(this_year: FigureTree, cadre: Any) -> None:
    client = client_of(cadre)
    page = follow(client, f"{ROSTER}?under=f-county&join=new", start="2026-13-40")
    assert "有效的日期" in page and rows(page) == []
    page = follow(client, f"{ROSTER}?under=f-county", start="2026-03-01", end="2026-02-01")
    assert "截止日期不能早于起始日期。" in page and rows(page) == []
    page = follow(client, f"{ROSTER}?under=f-county", on_roll="yesterday", join="all")
    assert rows(page) == [] and "选择一个有效的选项" in page


def test_a_figure_and_a_childs_cell_list_the_members_they_count(register: FigureTree, cadre: Any) -> None:  # noqa: F811
    t, client = register, client_of(cadre)
    figures = {f.key: f for f in members_figures(t.county, year_period(t.year))}
    total = figures["members_total"]
    assert names(follow(client, total.url)) == {f"职工{n}" for n in (1, 2, 3, 4, 5, 6)} and total.value == 6
    child_url = link_for_union(total.url, t.county, t.a)
    assert "under=f-a" in child_url and "org=f-a" in child_url and "f-county" not in child_url
    child = follow(client, child_url)
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


def test_the_export_of_a_figures_roster_holds_what_the_figure_counts(
    this_year: FigureTree,
    django_capture_on_commit_callbacks: Any,
) -> None:
    t = this_year
    admin = UserFactory(username="f-city-admin")
    grant(admin, t.city, Role.ADMIN)
    figures = {f.key: f for f in members_figures(t.county, quarter_period(t.year, 4))}
    for key in ("members_total", "members_women"):
        query = dict(re.findall(r"(\w+)=([^&]*)", figures[key].url.split("?", 1)[1]))
        with django_capture_on_commit_callbacks(execute=True):
            started = client_of(admin).post(reverse("members:export"), query)
        job = Job.objects.get(pk=resolve(started.url).kwargs["pk"])  # the job it opens (ids are UUIDs, unordered)
        assert job.result["rows"] == figures[key].value, key
