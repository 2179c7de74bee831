"""Entries: a grassroots union enters its members, one by one or as a team, under its quota.

Who may enter: members on the roll of the entering union's subtree (itself inside the organiser's), of the
trade when the competition is for its workers only, within the age range on the first day, and within the
skill levels (certification.selectors.current_level, compared by level_rank). The quota is taken by a
conditional UPDATE of the union's Quota row (`used < places`, under a CHECK), so a rush of entries never
exceeds it; each person is in one entry at most (a unique index). Each entrant is signed up in the
competition's event (a team as an events.Team), so the events engine's check-in serves the door.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.events.choices import SignUpStatus
from gonghui.events.models import Event, SignUp, Team
from gonghui.events.signups import take_places
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.certification.choices import CertifiedLevel, level_rank
from gonghui.skills.certification.selectors import current_level
from gonghui.skills.competitions.choices import CompetitionStatus, ContestStageStatus, EntryStatus
from gonghui.skills.competitions.models import Competition, Entry, EntryMember, Quota, StageResult

FULL = "%(org)s的名额已用完（%(n)s个）。"


def _age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def entrant_problem(competition: Competition, membership: Membership) -> str | None:
    """Why this member may not enter the competition, or None if they may."""
    person = membership.person
    if membership.status != MembershipStatus.ACTIVE or not membership.org.path.startswith(competition.org.path):
        return _("不是%(org)s所属的在册会员。") % {"org": competition.org.name}
    occupation = competition.occupation
    level = current_level(person, occupation.pk) if occupation is not None else None
    trade = occupation is not None and (level is not None or occupation.name in (membership.occupation or ""))
    if competition.trade_only and occupation is not None and not trade:
        return _("本竞赛仅限%(trade)s工种的职工参加。") % {"trade": occupation.name}
    if competition.min_age is not None or competition.max_age is not None:
        if person.birth_date is None:
            return _("缺少出生日期，无法核对年龄要求。")
        age = _age_on(person.birth_date, competition.event.starts_at.date())
        if competition.min_age is not None and age < competition.min_age:
            return _("年龄须满%(n)s周岁（现%(age)s岁）。") % {"n": competition.min_age, "age": age}
        if competition.max_age is not None and age > competition.max_age:
            return _("年龄须在%(n)s周岁以下（现%(age)s岁）。") % {"n": competition.max_age, "age": age}
    if competition.min_level and level_rank(level or "") < level_rank(competition.min_level):
        return _("须取得%(trade)s%(level)s及以上职业技能等级。") % {
            "trade": occupation.name if occupation else "",
            "level": CertifiedLevel(competition.min_level).label,
        }
    if competition.max_level and level and level_rank(level) > level_rank(competition.max_level):
        return _("本竞赛限%(level)s及以下等级的职工参加。") % {"level": CertifiedLevel(competition.max_level).label}
    return None


def _memberships(org: OrgNode, member_nos: list[str]) -> list[Membership]:
    wanted = list(dict.fromkeys(n.strip() for n in member_nos if n.strip()))
    if not wanted:
        raise ValidationError({"member_nos": _("请填写参赛会员的会员编号。")})
    found = {
        m.member_no: m
        for m in Membership.objects.filter(
            org__path__startswith=org.path, status=MembershipStatus.ACTIVE, member_no__in=wanted
        ).select_related("person", "org", "employer")
    }
    missing = [n for n in wanted if n not in found]
    if missing:
        nos = "、".join(missing[:10])
        raise ValidationError(
            {"member_nos": _("以下会员编号不是%(org)s的在册会员：%(nos)s") % {"org": org.name, "nos": nos}}
        )
    return [found[n] for n in wanted]


def _take_quota(competition: Competition, org: OrgNode) -> None:
    """One of the union's places, atomically in the database (the row stays locked until commit)."""
    with transaction.atomic():
        Quota.objects.get_or_create(competition=competition, org=org, defaults={"places": competition.quota_per_union})
    free = Q(places__isnull=True) | Q(used__lt=F("places"))
    taken = Quota.objects.filter(free, competition=competition, org=org).update(used=F("used") + 1)
    if not taken:
        places = Quota.objects.filter(competition=competition, org=org).values_list("places", flat=True).first()
        raise ValidationError(_(FULL) % {"org": org.name, "n": places})


def _next_number(competition: Competition) -> int:
    Competition.objects.filter(pk=competition.pk).update(last_number=F("last_number") + 1)
    return Competition.objects.values_list("last_number", flat=True).get(pk=competition.pk)


def _team(event: Event, org: OrgNode, name: str, actor: User) -> Team:
    taken = set(Team.objects.filter(event=event, org=org).values_list("seq", flat=True))
    seq = next(n for n in range(1, len(taken) + 2) if n not in taken)
    try:
        with transaction.atomic():
            return Team.objects.create(event=event, org=org, name=name, seq=seq, created_by=actor)
    except IntegrityError:
        raise ValidationError({"team_name": _("队名“%(name)s”已被使用。") % {"name": name}}) from None


@transaction.atomic
def entry_create(
    *, actor: User, competition: Competition, org: OrgNode, member_nos: list[str], team_name: str = ""
) -> Entry:
    """The union `org` enters one member (individual) or a team of its members (by member number)."""
    require(actor, org, Perm.ORG_EDIT)
    competition = Competition.objects.select_related("org", "event", "occupation").get(pk=competition.pk)
    if competition.status != CompetitionStatus.OPEN:
        raise ValidationError(_("竞赛不在报名期内（%(s)s）。") % {"s": competition.get_status_display()})
    if not org.path.startswith(competition.org.path) or org.pk == competition.org_id:
        raise ValidationError({"org": _("只有%(org)s的下级工会可以报名。") % {"org": competition.org.name}})
    members = _memberships(org, member_nos)
    team_name = clean_text(team_name)[:50]
    if competition.is_team:
        if not team_name:
            raise ValidationError({"team_name": _("请填写队名。")})
        if not competition.team_size_min <= len(members) <= competition.team_size_max:
            raise ValidationError(
                _("每队%(low)s至%(high)s人，现有%(n)s人。")
                % {"low": competition.team_size_min, "high": competition.team_size_max, "n": len(members)}
            )
    elif len(members) != 1:
        raise ValidationError({"member_nos": _("个人赛每次报名一人。")})
    for membership in members:
        problem = entrant_problem(competition, membership)
        if problem:
            raise ValidationError(f"{membership.person.name}：{problem}")
    taken = EntryMember.objects.filter(competition=competition, person__in=[m.person for m in members])
    names = [m.person.name for m in taken.select_related("person")]
    if names:
        raise ValidationError(_("以下职工已报名本竞赛：%(names)s") % {"names": "、".join(names)})
    _take_quota(competition, org)
    if not take_places(competition.event_id, len(members)):
        raise ValidationError(_("竞赛总名额已满。"))
    team = _team(competition.event, org, team_name, actor) if competition.is_team else None
    first = members[0]
    enterprise: Enterprise | None = first.employer or Enterprise.objects.filter(union=org).order_by("pk").first()
    entry = Entry.objects.create(
        competition=competition,
        number=_next_number(competition),
        org=org,
        enterprise=enterprise,
        name=team_name if team is not None else first.person.name,
        team=team,
        created_by=actor,
    )
    signups = SignUp.objects.bulk_create(
        SignUp(
            event_id=competition.event_id,
            person=m.person,
            membership=m,
            org=m.org,
            category=m.employment_form,
            team=team,
            status=SignUpStatus.CONFIRMED,
        )
        for m in members
    )
    try:
        with transaction.atomic():
            EntryMember.objects.bulk_create(
                EntryMember(competition=competition, entry=entry, person=m.person, signup=s)
                for m, s in zip(members, signups, strict=True)
            )
    except IntegrityError:  # the same person entered twice at once: everything above is rolled back with us
        raise ValidationError(_("有职工已报名本竞赛，请刷新后重试。")) from None
    first_stage = competition.stages.order_by("seq").first()
    if first_stage is not None:
        StageResult.objects.create(stage=first_stage, entry=entry, number=entry.number)
    audit_record(actor=actor, action=AuditAction.CREATE, target=entry, org=org, detail={"competition": competition.pk})
    return entry


@transaction.atomic
def entry_withdraw(*, actor: User, entry: Entry) -> Entry:
    """The entering union withdraws its entry before the competition starts: the place and the sign-ups
    are given back, and the people may be entered again."""
    require(actor, entry.org, Perm.ORG_EDIT)
    entry = Entry.objects.select_for_update().select_related("competition").get(pk=entry.pk)
    if entry.status != EntryStatus.ENTERED:
        raise ValidationError(_("该报名已退赛。"))
    if entry.competition.status != CompetitionStatus.OPEN:
        raise ValidationError(_("比赛已开始，不能退赛。"))
    members = list(EntryMember.objects.filter(entry=entry))
    SignUp.objects.filter(pk__in=[m.signup_id for m in members if m.signup_id]).update(
        status=SignUpStatus.CANCELLED, team=None
    )
    Event.objects.filter(pk=entry.competition.event_id).update(held=F("held") - len(members))
    EntryMember.objects.filter(entry=entry).delete()
    Quota.objects.filter(competition=entry.competition, org=entry.org).update(used=F("used") - 1)
    StageResult.objects.filter(entry=entry).exclude(stage__status=ContestStageStatus.CLOSED).delete()
    team_id = entry.team_id
    entry.status, entry.team = EntryStatus.WITHDRAWN, None
    entry.save(update_fields=["status", "team"])
    if team_id:
        Team.objects.filter(pk=team_id).delete()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=entry, org=entry.org, detail={"withdrawn": 1})
    return entry
