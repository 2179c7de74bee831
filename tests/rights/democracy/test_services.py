"""Representatives (categories from the record, the cadre's final word), sessions, resolutions (quorum and
majority), proposals' follow-up and 厂务公开: every guard refuses with a Chinese reason and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from gonghui.members.models import Membership
from gonghui.orgs.roles import Role
from gonghui.rights.democracy import motions, selectors, services
from gonghui.rights.democracy.models import Disclosure, Proposal, Representative, Resolution, Session
from tests.factories import Tree, UserFactory, grant
from tests.rights.democracy.factories import HELD, enterprise_of, member, reps, session_of

pytestmark = pytest.mark.django_db


def test_categories_come_from_the_record_and_the_cadre_sets_the_rest(tree: Tree) -> None:
    factory = enterprise_of(tree.union, industry="C")
    woman = member(tree.union, 1, sex="F")
    Membership.objects.filter(pk=woman.pk).update(skill_level="grade2")
    woman.refresh_from_db()
    rep = services.representative_add(actor=tree.cadre, enterprise=factory, term=1, membership=woman, elected_on=HELD)
    assert (rep.woman, rep.industrial, rep.frontline, rep.technician, rep.manager) == (True, True, True, True, False)
    boss = services.representative_add(
        actor=tree.cadre,
        enterprise=factory,
        term=1,
        membership=member(tree.union, 2),
        elected_on=HELD,
        categories=services.Categories(manager=True),
    )
    assert (boss.manager, boss.frontline, boss.industrial, boss.woman) == (True, False, False, False)
    courier_firm = enterprise_of(tree.other, name="商南县速递物流服务有限公司", industry="G")
    courier = services.representative_add(
        actor=tree.cadre, enterprise=courier_firm, term=1, membership=member(tree.other, 3), elected_on=HELD
    )
    assert courier.frontline and not courier.industrial  # transport is not proposed as 产业工人
    services.representative_set(
        actor=tree.cadre, rep=courier, categories=services.Categories(industrial=True, frontline=True)
    )
    courier.refresh_from_db()
    assert courier.industrial


def test_bad_representatives_are_refused(tree: Tree) -> None:
    factory = enterprise_of(tree.union)
    outside = member(tree.other, 1)
    with pytest.raises(ValidationError, match="本企业工会的在册会员"):
        services.representative_add(actor=tree.cadre, enterprise=factory, term=1, membership=outside, elected_on=HELD)
    left = member(tree.union, 2)
    Membership.objects.filter(pk=left.pk).update(status="left")
    left.refresh_from_db()
    with pytest.raises(ValidationError, match="本企业工会的在册会员"):
        services.representative_add(actor=tree.cadre, enterprise=factory, term=1, membership=left, elected_on=HELD)
    man = member(tree.union, 3, sex="M")
    with pytest.raises(ValidationError, match="性别"):
        services.representative_add(
            actor=tree.cadre,
            enterprise=factory,
            term=1,
            membership=man,
            elected_on=HELD,
            categories=services.Categories(woman=True),
        )
    with pytest.raises(ValidationError, match="一线职工"):
        services.representative_add(
            actor=tree.cadre,
            enterprise=factory,
            term=1,
            membership=man,
            elected_on=HELD,
            categories=services.Categories(manager=True, frontline=True),
        )
    services.representative_add(actor=tree.cadre, enterprise=factory, term=1, membership=man, elected_on=HELD)
    with pytest.raises(ValidationError, match="已是本届职工代表"):
        services.representative_add(actor=tree.cadre, enterprise=factory, term=1, membership=man, elected_on=HELD)
    with pytest.raises(ValidationError, match="晚于今天"):
        services.representative_add(
            actor=tree.cadre,
            enterprise=factory,
            term=2,
            membership=man,
            elected_on=timezone.localdate() + dt.timedelta(days=1),
        )
    assert Representative.objects.count() == 1


def test_the_share_matches_a_hand_count(tree: Tree) -> None:
    """商南: 12 产业工人 of 29 representatives is 41.4%; 24 on the front line is 82.8%."""
    factory = enterprise_of(tree.union)
    reps(factory, tree.cadre, start=100, industrial=(True, 12))
    made = reps(factory, tree.cadre, start=200, frontline=(True, 12))
    reps(factory, tree.cadre, start=300, manager=(True, 5))
    Representative.objects.filter(industrial=True).update(frontline=True)
    Representative.objects.filter(pk__in=[r.pk for r in made[:3]]).update(woman=True)
    reps(factory, tree.cadre, term=1, start=400, industrial=(True, 20))  # an earlier 届: not the current one
    found = selectors.shares(selectors.representatives_of(factory, 2))
    assert found.total == 29
    assert found.pct("industrial") == 41.4 and found.pct("frontline") == 82.8 and found.pct("woman") == 10.3
    current = selectors.shares(selectors.current_reps(selectors.enterprises_for(tree.cadre)))
    assert current.total == 29 and current.counts["industrial"] == 12


def test_sessions_count_seats_and_refuse_what_cannot_be(tree: Tree) -> None:
    factory = enterprise_of(tree.union)
    with pytest.raises(ValidationError, match="还没有登记职工代表"):
        services.session_record(actor=tree.cadre, enterprise=factory, term=1, number=1, held_on=HELD, attended=0)
    reps(factory, tree.cadre, term=1, industrial=(True, 9))
    with pytest.raises(ValidationError, match="实到代表须在0至9人之间"):
        services.session_record(actor=tree.cadre, enterprise=factory, term=1, number=1, held_on=HELD, attended=10)
    with pytest.raises(ValidationError, match="晚于今天"):
        future = timezone.localdate() + dt.timedelta(days=3)
        services.session_record(actor=tree.cadre, enterprise=factory, term=1, number=1, held_on=future, attended=9)
    session = services.session_record(actor=tree.cadre, enterprise=factory, term=1, number=1, held_on=HELD, attended=6)
    assert session.seats == 9 and session.quorate
    with pytest.raises(ValidationError, match="已登记"):
        services.session_record(actor=tree.cadre, enterprise=factory, term=1, number=1, held_on=HELD, attended=9)
    assert Session.objects.count() == 1
    rep = Representative.objects.first()
    assert rep is not None
    with pytest.raises(ValidationError, match="不能删除"):
        services.representative_remove(actor=tree.cadre, rep=rep)


def test_a_resolution_passes_with_a_quorum_and_a_majority_of_all(tree: Tree) -> None:
    factory = enterprise_of(tree.union)
    short = session_of(factory, tree.cadre, seats=30, attended=19)  # 19 < 20: no quorum
    full = session_of(factory, tree.cadre, seats=30, attended=24, number=2)
    args = {"actor": tree.cadre, "subject": "contract", "title": "审议工资专项集体合同草案"}
    assert not motions.resolution_add(session=short, votes_for=19, **args).adopted
    assert not motions.resolution_add(session=full, votes_for=15, **args).adopted  # 15 is not more than half of 30
    assert motions.resolution_add(session=full, votes_for=16, votes_against=8, **args).adopted
    with pytest.raises(ValidationError, match="不能超过实到代表24人"):
        motions.resolution_add(session=full, votes_for=20, votes_against=5, **args)
    assert Resolution.objects.count() == 3
    assert selectors.deliberated(factory.pk, HELD) and not selectors.deliberated(factory.pk, HELD - dt.timedelta(1))
    assert selectors.adopted_contract(full) and not selectors.adopted_contract(short)


def test_proposals_are_followed_up(tree: Tree) -> None:
    factory = enterprise_of(tree.union)
    by = reps(factory, tree.cadre, industrial=(True, 3))[0]
    session = session_of(factory, tree.cadre, seats=3, attended=3)
    proposal = motions.proposal_add(actor=tree.cadre, session=session, title="车间增设休息室", by=by)
    follow = motions.FollowUpFields(owner="行政部", due_on=HELD + dt.timedelta(days=30))
    with pytest.raises(ValidationError, match="须填写办结日期"):
        motions.proposal_follow(actor=tree.cadre, proposal=proposal, status="done", follow=follow)
    with pytest.raises(ValidationError, match="说明理由"):
        motions.proposal_follow(actor=tree.cadre, proposal=proposal, status="declined", follow=follow)
    with pytest.raises(ValidationError, match="办理期限不能早于会议日期"):
        early = motions.FollowUpFields(owner="行政部", due_on=HELD - dt.timedelta(days=1))
        motions.proposal_follow(actor=tree.cadre, proposal=proposal, status="open", follow=early)
    proposal.refresh_from_db()
    assert proposal.owner == "" and proposal.status == "open"
    follow.done_on = HELD + dt.timedelta(days=10)
    motions.proposal_follow(actor=tree.cadre, proposal=proposal, status="done", follow=follow)
    proposal.refresh_from_db()
    assert proposal.status == "done" and proposal.owner == "行政部"
    other = enterprise_of(tree.other, name="别家企业")
    stranger = reps(other, tree.cadre, start=50, industrial=(True, 1))[0]
    with pytest.raises(ValidationError, match="本届职工代表"):
        motions.proposal_add(actor=tree.cadre, session=session, title="别家的提案", by=stranger)
    assert Proposal.objects.count() == 1


def test_disclosures(tree: Tree) -> None:
    factory = enterprise_of(tree.union)
    other = enterprise_of(tree.other, name="别家企业")
    theirs = session_of(other, tree.cadre, seats=3, attended=3)
    base = {"actor": tree.cadre, "enterprise": factory, "topic": "wages", "title": "工资调整方案", "disclosed_on": HELD}
    with pytest.raises(ValidationError, match="哪一次会议"):
        motions.disclosure_add(channel="congress", **base)
    with pytest.raises(ValidationError, match="不是本企业"):
        motions.disclosure_add(channel="congress", session=theirs, **base)
    item = motions.disclosure_add(channel="board", **base)
    assert item.session is None and Disclosure.objects.count() == 1


def test_scope_and_permissions(tree: Tree) -> None:
    factory = enterprise_of(tree.union)
    reader = UserFactory(username="reader")
    grant(reader, tree.union, Role.READONLY)
    with pytest.raises(PermissionDenied):
        services.representative_add(
            actor=reader, enterprise=factory, term=1, membership=member(tree.union, 1), elected_on=HELD
        )
    with pytest.raises(Http404):
        services.representative_add(
            actor=tree.outsider, enterprise=factory, term=1, membership=member(tree.union, 2), elected_on=HELD
        )
    assert selectors.enterprise_get_for(reader, factory.pk) == factory
    assert not Representative.objects.exists()
