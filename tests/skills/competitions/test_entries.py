"""Entries: eligibility (subtree, trade, age, skill level), quotas per grassroots union, teams, withdrawal;
each refusal says why in Chinese and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gonghui.events.models import SignUp, Team
from gonghui.skills.competitions import entries
from gonghui.skills.competitions.choices import EntryMode
from gonghui.skills.competitions.models import Entry, EntryMember, Quota, StageResult
from tests.factories import Tree, make_member
from tests.skills.competitions.factories import enter, entrants, first_stage, make_competition


def test_an_entry_signs_up_in_the_event_and_enters_the_first_stage(tree: Tree) -> None:
    competition = make_competition(tree.county, tree.cadre)
    (m,) = entrants(tree.union, 1, 1)
    entry = enter(competition, tree.union_cadre, m)
    assert entry.number == 1 and entry.name == m.person.name and entry.org == tree.union
    signup = SignUp.objects.get(event=competition.event, person=m.person)
    assert signup.status == "confirmed"
    assert StageResult.objects.filter(stage=first_stage(competition), entry=entry).exists()
    competition.event.refresh_from_db()
    assert competition.event.held == 1


def test_an_entry_over_the_unions_quota_is_refused_and_changes_nothing(tree: Tree) -> None:
    competition = make_competition(tree.county, tree.cadre, quota_per_union=2)
    people = entrants(tree.union, 1, 3)
    enter(competition, tree.union_cadre, people[0])
    enter(competition, tree.union_cadre, people[1])
    with pytest.raises(ValidationError) as exc:
        enter(competition, tree.union_cadre, people[2])
    assert "名额已用完" in exc.value.messages[0] and tree.union.name in exc.value.messages[0]
    assert Entry.objects.filter(competition=competition).count() == 2
    assert Quota.objects.get(competition=competition, org=tree.union).used == 2
    assert not SignUp.objects.filter(person=people[2].person).exists()
    # The other union has its own places.
    (other,) = entrants(tree.other, 50, 1)
    assert enter(competition, tree.cadre, other).number == 3


def test_withdrawing_gives_the_place_back(tree: Tree) -> None:
    competition = make_competition(tree.county, tree.cadre, quota_per_union=1)
    first, second = entrants(tree.union, 1, 2)
    entry = enter(competition, tree.union_cadre, first)
    entries.entry_withdraw(actor=tree.union_cadre, entry=entry)
    assert Quota.objects.get(competition=competition, org=tree.union).used == 0
    assert not EntryMember.objects.filter(entry=entry).exists()
    assert SignUp.objects.get(person=first.person).status == "cancelled"
    assert enter(competition, tree.union_cadre, second).number == 2
    assert enter(competition, tree.cadre, *entrants(tree.other, 60, 1)).number == 3


def test_a_person_enters_once(tree: Tree) -> None:
    competition = make_competition(tree.county, tree.cadre)
    (m,) = entrants(tree.union, 1, 1)
    enter(competition, tree.union_cadre, m)
    with pytest.raises(ValidationError, match="已报名本竞赛"):
        enter(competition, tree.union_cadre, m)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"min_age": 30}, "年龄须满30周岁"),
        ({"max_age": 18}, "年龄须在18周岁以下"),
        ({"trade_only": True}, "仅限电工工种"),
        ({"min_level": "3"}, "须取得电工三级/高级工及以上"),
    ],
)
def test_an_ineligible_entrant_is_refused_with_the_reason(tree: Tree, fields: dict[str, object], reason: str) -> None:
    competition = make_competition(tree.county, tree.cadre, **fields)
    m = make_member(tree.union, 7)  # no trade on the roster, no certified level
    m.person.birth_date = dt.date(2000, 5, 1)
    m.person.save(update_fields=["birth_date"])
    with pytest.raises(ValidationError) as exc:
        enter(competition, tree.union_cadre, m)
    assert reason in exc.value.messages[0] and m.person.name in exc.value.messages[0]
    assert not Entry.objects.filter(competition=competition).exists()
    assert not Quota.objects.filter(competition=competition, used__gt=0).exists()


def test_skill_levels_are_read_through_certification(tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    competition = make_competition(tree.county, tree.cadre, min_level="4", max_level="3")
    low, good, high = entrants(tree.union, 1, 3)
    levels = {low.person.pk: "5", good.person.pk: "4", high.person.pk: "2"}
    monkeypatch.setattr(entries, "current_level", lambda person, occupation_id: levels.get(person.pk))
    with pytest.raises(ValidationError, match="四级/中级工及以上"):
        enter(competition, tree.union_cadre, low)
    with pytest.raises(ValidationError, match="三级/高级工及以下"):
        enter(competition, tree.union_cadre, high)
    assert enter(competition, tree.union_cadre, good).number == 1


def test_members_outside_the_organisers_subtree_cannot_be_entered(tree: Tree) -> None:
    competition = make_competition(tree.union, tree.union_cadre)  # a grassroots union's own contest
    (m,) = entrants(tree.other, 1, 1)
    with pytest.raises(ValidationError):
        entries.entry_create(actor=tree.cadre, competition=competition, org=tree.other, member_nos=[m.member_no])


def test_a_team_takes_one_place_of_the_quota_and_an_events_team(tree: Tree) -> None:
    competition = make_competition(tree.county, tree.cadre, mode=EntryMode.TEAM, quota_per_union=1)
    a, b, c = entrants(tree.union, 1, 3)
    entry = enter(competition, tree.union_cadre, a, b, team="城关电工一队")
    assert entry.team is not None and Team.objects.get(pk=entry.team_id).org == tree.union
    assert SignUp.objects.filter(team=entry.team).count() == 2
    with pytest.raises(ValidationError, match="名额已用完"):
        enter(competition, tree.union_cadre, c, *entrants(tree.union, 10, 1), team="二队")
    with pytest.raises(ValidationError, match="每队2至3人"):
        enter(competition, tree.cadre, *entrants(tree.other, 40, 1), team="富水队")


def test_entries_wait_for_the_competition_to_open(tree: Tree) -> None:
    competition = make_competition(tree.county, tree.cadre, open_it=False)
    with pytest.raises(ValidationError, match="不在报名期内"):
        enter(competition, tree.union_cadre, *entrants(tree.union, 1, 1))
