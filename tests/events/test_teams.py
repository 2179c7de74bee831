"""Team entries: the union's quota, the team's size, all places or none."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from gonghui.events.models import Event, SignUp, Team
from gonghui.events.selectors import team_events_for
from gonghui.events.teams import team_enter, team_withdraw
from tests.events.conftest import make_event
from tests.factories import Tree, make_member


@pytest.fixture
def games(tree: Tree) -> Event:
    return make_event(
        tree.county, tree.cadre, title="羽毛球团体赛", capacity=8, team_size_min=2, team_size_max=3, teams_per_union=1
    )


def test_a_union_enters_a_team_of_its_members(tree: Tree, games: Event) -> None:
    a, b = make_member(tree.union, 1), make_member(tree.union, 2)
    team = team_enter(
        actor=tree.union_cadre, event=games, org=tree.union, name="城关队", member_nos=[a.member_no, b.member_no]
    )
    assert team.members.count() == 2
    games.refresh_from_db()
    assert games.held == 2
    assert list(team_events_for(tree.union_cadre)) == [games]  # open to the county's unions


def test_the_quota_per_union_holds(tree: Tree, games: Event) -> None:
    nos = [make_member(tree.union, i).member_no for i in range(4)]
    team_enter(actor=tree.union_cadre, event=games, org=tree.union, name="一队", member_nos=nos[:2])
    with pytest.raises(ValidationError, match="限报1队"):
        team_enter(actor=tree.union_cadre, event=games, org=tree.union, name="二队", member_nos=nos[2:])
    assert Team.objects.count() == 1


@pytest.mark.parametrize(
    ("count", "reason"),
    [(1, "每队2至3人"), (4, "每队2至3人")],
)
def test_team_size(tree: Tree, games: Event, count: int, reason: str) -> None:
    nos = [make_member(tree.union, i).member_no for i in range(count)]
    with pytest.raises(ValidationError, match=reason):
        team_enter(actor=tree.union_cadre, event=games, org=tree.union, name="队", member_nos=nos)


def test_not_enough_places_takes_none(tree: Tree, games: Event) -> None:
    Event.objects.filter(pk=games.pk).update(capacity=3, held=2)
    nos = [make_member(tree.union, i).member_no for i in range(2)]
    with pytest.raises(ValidationError, match="名额不足"):
        team_enter(actor=tree.union_cadre, event=games, org=tree.union, name="队", member_nos=nos)
    games.refresh_from_db()
    assert games.held == 2 and not SignUp.objects.exists() and not Team.objects.exists()


def test_only_members_of_the_entering_union(tree: Tree, games: Event) -> None:
    stranger = make_member(tree.other, 1)
    mine = make_member(tree.union, 2)
    with pytest.raises(ValidationError, match=r"不是.*在册会员"):
        team_enter(
            actor=tree.union_cadre,
            event=games,
            org=tree.union,
            name="队",
            member_nos=[stranger.member_no, mine.member_no],
        )


def test_a_cadre_enters_only_their_own_union(tree: Tree, games: Event) -> None:
    nos = [make_member(tree.other, i).member_no for i in range(2)]
    with pytest.raises((Http404, PermissionDenied)):
        team_enter(actor=tree.union_cadre, event=games, org=tree.other, name="队", member_nos=nos)
    assert list(team_events_for(tree.outsider)) == []


def test_withdraw_gives_the_places_back(tree: Tree, games: Event) -> None:
    nos = [make_member(tree.union, i).member_no for i in range(3)]
    team = team_enter(actor=tree.union_cadre, event=games, org=tree.union, name="队", member_nos=nos)
    team_withdraw(actor=tree.union_cadre, team=team)
    games.refresh_from_db()
    assert games.held == 0 and not Team.objects.exists()
    assert set(SignUp.objects.values_list("status", flat=True)) == {"cancelled"}


def test_a_withdrawn_teams_number_is_free_again(tree: Tree, games: Event) -> None:
    Event.objects.filter(pk=games.pk).update(teams_per_union=2)
    games.refresh_from_db()
    nos = [make_member(tree.union, i).member_no for i in range(6)]
    first = team_enter(actor=tree.union_cadre, event=games, org=tree.union, name="一队", member_nos=nos[:2])
    team_enter(actor=tree.union_cadre, event=games, org=tree.union, name="二队", member_nos=nos[2:4])
    team_withdraw(actor=tree.union_cadre, team=first)
    again = team_enter(actor=tree.union_cadre, event=games, org=tree.union, name="新一队", member_nos=nos[4:])
    assert again.seq == 1 and Team.objects.filter(event=games).count() == 2
