"""Team entries: a grassroots union enters a team of its members (e.g. 25 unions × a badminton team).

A team takes all its places at once or none; `Team.seq` under a unique constraint holds the per-union
quota even when two cadres of one union enter at the same moment.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.events.choices import ACTIVE, SignUpStatus
from gonghui.events.eligibility import person_problem, window_problem
from gonghui.events.models import Event, SignUp, Team
from gonghui.events.signups import lock_event, take_places
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require


def _members(org: OrgNode, member_nos: list[str]) -> list[Membership]:
    wanted = list(dict.fromkeys(n.strip() for n in member_nos if n.strip()))
    found = {
        m.member_no: m
        for m in Membership.objects.filter(
            org__path__startswith=org.path, status=MembershipStatus.ACTIVE, member_no__in=wanted
        ).select_related("person", "org")
    }
    missing = [n for n in wanted if n not in found]
    if missing:
        raise ValidationError(
            _("以下会员号不是%(org)s的在册会员：%(nos)s") % {"org": org.name, "nos": "、".join(missing[:10])}
        )
    return [found[n] for n in wanted]


def _check_team(event: Event, org: OrgNode, members: list[Membership]) -> None:
    if not event.is_team_event:
        raise ValidationError(_("本活动不是队伍报名的活动。"))
    problem = window_problem(event)
    if problem:
        raise ValidationError(problem)
    audience = event.audience_org or event.org
    if not org.path.startswith(audience.path):
        raise ValidationError(_("本活动面向%(org)s所属工会。") % {"org": audience.name})
    if not event.team_size_min <= len(members) <= event.team_size_max:
        raise ValidationError(
            _("每队%(low)s至%(high)s人，现有%(n)s人。")
            % {"low": event.team_size_min, "high": event.team_size_max, "n": len(members)}
        )
    for membership in members:
        problem = person_problem(event, membership.person, membership)
        if problem:
            raise ValidationError(f"{membership.person.name}：{problem}")
    taken = SignUp.objects.filter(event=event, person__in=[m.person for m in members], status__in=ACTIVE)
    names = [s.person.name for s in taken.select_related("person")]
    if names:
        raise ValidationError(_("以下会员已报名本活动：%(names)s") % {"names": "、".join(names)})


@transaction.atomic
def team_enter(*, actor: Any, event: Event, org: OrgNode, name: str, member_nos: list[str]) -> Team:
    require(actor, org, Perm.ORG_EDIT)
    name = name.strip()
    if not name:
        raise ValidationError(_("请填写队名。"))
    members = _members(org, member_nos)
    event = lock_event(event.pk)
    _check_team(event, org, members)
    taken = set(Team.objects.filter(event=event, org=org).values_list("seq", flat=True))
    free = [n for n in range(1, event.teams_per_union + 1) if n not in taken]  # a withdrawn team's number is free
    if not free:
        raise ValidationError(_("每个工会限报%(n)s队，%(org)s已报满。") % {"n": event.teams_per_union, "org": org.name})
    seq = free[0]
    if not take_places(event.pk, len(members)):
        left = event.capacity - event.held
        raise ValidationError(_("名额不足：本队%(n)s人，剩余%(left)s个名额。") % {"n": len(members), "left": left})
    try:
        with transaction.atomic():
            team = Team.objects.create(event=event, org=org, name=name, seq=seq, created_by=actor)
    except IntegrityError as exc:
        raise ValidationError(_("队名“%(name)s”已被使用，或本工会刚刚报满。") % {"name": name}) from exc
    SignUp.objects.bulk_create(
        SignUp(
            event=event,
            person=m.person,
            membership=m,
            org=m.org,
            category=m.employment_form,
            team=team,
            status=SignUpStatus.CONFIRMED,
        )
        for m in members
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=team, org=org, detail={"event": event.pk})
    return team


@transaction.atomic
def team_withdraw(*, actor: Any, team: Team) -> None:
    """The union withdraws its team: every member's place goes back (no waiting list for teams)."""
    require(actor, team.org, Perm.ORG_EDIT)
    event = lock_event(team.event_id)
    if any(s.checked_in_at for s in team.members.all()):
        raise ValidationError(_("已有队员签到，不能撤回。"))
    released = team.members.filter(status=SignUpStatus.CONFIRMED).update(status=SignUpStatus.CANCELLED, team=None)
    Event.objects.filter(pk=event.pk).update(held=F("held") - released)
    audit_record(actor=actor, action=AuditAction.DELETE, target=team, org=team.org, detail={"event": event.pk})
    team.delete()
