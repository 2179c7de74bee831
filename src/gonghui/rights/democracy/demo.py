"""Demo data for 职代会 and 厂务公开 from the stories: 商南 raised 产业工人 to 41.4% of its 职工代表 (12 of 29:
the 产业工人 of 虎之翼科技's 第二届 and the couriers of 速递物流, front-line but not 产业工人), with sessions,
proposals followed up and 厂务公开 items. `demo_congress` gives other demos (the contracts app's 柳市 and
亭湖) an enterprise's representatives and a session that deliberated its collective contract. Bulk inserts;
a second run adds nothing."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.democracy.choices import (
    CongressProposalStatus,
    DisclosureChannel,
    DisclosureTopic,
    ResolutionSubject,
)
from gonghui.rights.democracy.models import Disclosure, Proposal, Representative, Resolution, Session

# enterprise union code, 届, reps: (产业工人, 一线, 技术, 管理, 女) × how many
SHANGNAN: list[tuple[str, int, list[tuple[tuple[bool, bool, bool, bool, bool], int]]]] = [
    (
        "sn-huzhiyi",
        2,
        [
            ((True, True, False, False, False), 9),
            ((True, True, False, False, True), 3),
            ((False, False, True, False, True), 3),
            ((False, False, False, True, False), 2),
        ],
    ),
    ("sn-kd-sudi", 1, [((False, True, False, False, False), 9), ((False, True, False, False, True), 3)]),
]
PROPOSALS = [
    ("数控机加车间增设夜班休息室", "行政部", True),
    ("一线职工技能等级与岗位工资挂钩", "人力资源部", True),
    ("职工食堂延长供餐时间", "后勤部", True),
    ("高温岗位发放防暑降温费", "人力资源部", False),
    ("为产业工人开设学历提升班", "工会", False),
]
DISCLOSED = [
    (DisclosureTopic.WAGES, "年度工资调整方案和技能津贴标准", DisclosureChannel.CONGRESS),
    (DisclosureTopic.INSURANCE, "上半年社会保险和住房公积金缴纳情况", DisclosureChannel.BOARD),
    (DisclosureTopic.SAFETY, "数控机加车间安全生产检查结果", DisclosureChannel.BOARD),
    (DisclosureTopic.OPERATIONS, "上年度生产经营情况", DisclosureChannel.ONLINE),
]


def _people(union: OrgNode, prefix: str, count: int) -> list[Membership]:
    """`count` active members of the union made for the demo (created once, by their document numbers)."""
    people = demo_people(prefix, count, union.region_id)
    demo_members(people, union, employer=union.name.removesuffix("工会"))
    found = {
        m.person_id: m for m in Membership.objects.filter(person__in=people, status="active").select_related("person")
    }
    return [found[p.pk] for p in people if p.pk in found]


def demo_congress(
    admin: User,
    enterprise: Enterprise,
    *,
    term: int,
    held_on: dt.date,
    kinds: list[tuple[tuple[bool, bool, bool, bool, bool], int]],
    contract: str = "",
) -> Session:
    """The enterprise's representatives of the 届 and a session of it (all present, all for); with `contract`,
    the session adopted that collective contract draft. Returns the session (the existing one on a rerun)."""
    found = Session.objects.filter(enterprise=enterprise, term=term).order_by("number").last()
    if found is not None:
        return found
    members = _people(enterprise.union, f"dem-{enterprise.union.code}", sum(n for _k, n in kinds))
    reps: list[Representative] = []
    women: list[int] = []
    i = 0
    for (industrial, frontline, technician, manager, woman), count in kinds:
        for membership in members[i : i + count]:
            reps.append(
                Representative(
                    enterprise=enterprise,
                    term=term,
                    membership=membership,
                    industrial=industrial,
                    frontline=frontline,
                    technician=technician,
                    manager=manager,
                    woman=woman,
                    elected_on=held_on - dt.timedelta(days=30),
                    created_by=admin,
                )
            )
            (women if woman else []).append(membership.person_id)
        i += count
    Representative.objects.bulk_create(reps, ignore_conflicts=True)
    Person.objects.filter(pk__in=women).update(sex="F")
    seats = len(reps)
    session = Session.objects.create(
        enterprise=enterprise, term=term, number=1, held_on=held_on, seats=seats, attended=seats, created_by=admin
    )
    if contract:
        Resolution.objects.create(
            session=session,
            subject=ResolutionSubject.CONTRACT,
            title=contract,
            votes_for=seats,
            adopted=True,
        )
    return session


def load_demo_democracy(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    unions = {o.code: o for o in OrgNode.objects.filter(code__in=[code for code, _t, _k in SHANGNAN])}
    if len(unions) < len(SHANGNAN):
        return 0
    made = 0
    today = timezone.localdate()
    for code, term, kinds in SHANGNAN:
        enterprise = Enterprise.objects.filter(union=unions[code]).order_by("pk").first()
        if enterprise is None or Session.objects.filter(enterprise=enterprise).exists():
            continue
        held = today - dt.timedelta(days=45)
        session = demo_congress(admin, enterprise, term=term, held_on=held, kinds=kinds)
        made += 1 + session.seats
        if code != "sn-huzhiyi":
            continue
        Resolution.objects.create(
            session=session,
            subject=ResolutionSubject.WAGES,
            title="年度工资调整方案",
            votes_for=session.seats - 1,
            votes_abstain=1,
            adopted=True,
            owner="人力资源部",
            due_on=held + dt.timedelta(days=60),
        )
        reps = list(Representative.objects.filter(enterprise=enterprise, term=term).order_by("pk"))
        Proposal.objects.bulk_create(
            Proposal(
                session=session,
                title=title,
                by=reps[n],
                owner=owner,
                due_on=held + dt.timedelta(days=90),
                status=CongressProposalStatus.DONE if done else CongressProposalStatus.OPEN,
                done_on=held + dt.timedelta(days=20 + n) if done else None,
                outcome="已落实" if done else "",
            )
            for n, (title, owner, done) in enumerate(PROPOSALS)
        )
        Disclosure.objects.bulk_create(
            Disclosure(
                enterprise=enterprise,
                topic=topic,
                title=title,
                disclosed_on=held if channel == DisclosureChannel.CONGRESS else held + dt.timedelta(days=10 * (n + 1)),
                channel=channel,
                session=session if channel == DisclosureChannel.CONGRESS else None,
                created_by=admin,
            )
            for n, (topic, title, channel) in enumerate(DISCLOSED)
        )
        made += 1 + len(PROPOSALS) + len(DISCLOSED)
    return made
