"""Writes of 名师带徒: registering a mentor (linked to their conferred honor and the expert pool where
possible), pairing an apprentice with a mentor, and closing a pair (出师, or ended early).

Two rules hold in the database: an apprentice has at most one live pair (a partial unique index), and a
mentor never has more apprentices at once than their maximum (a conditional UPDATE of the mentor's count and
a check constraint), so two cadres pairing at the same moment cannot get past either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.experts.models import Expert
from gonghui.innovation.choices import NominationStatus
from gonghui.innovation.models import Nomination
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.certification.models import Occupation
from gonghui.skills.certification.selectors import current_level
from gonghui.skills.mentoring.choices import MentorKind, PairMode, PairStatus
from gonghui.skills.mentoring.models import Mentor, Pair

MAX_DAYS = 3 * 366  # a 师徒协议 runs up to three years
MAX_STIPEND = Decimal(100000)


@dataclass
class PairFields:
    starts_on: dt.date
    ends_on: dt.date
    goals: str
    occupation: Occupation | None = None
    mode: str = PairMode.ENTERPRISE
    school: str = ""
    school_mentor: str = ""
    stipend: Decimal = Decimal(0)


def _related(a: OrgNode, b: OrgNode) -> bool:
    return a.path.startswith(b.path) or b.path.startswith(a.path)


# --- mentors -------------------------------------------------------------------------------------------


def _honor_of(person: Person) -> Nomination | None:
    """The latest honor conferred on the person (劳模, 工匠 … from the selections)."""
    return (
        Nomination.objects.filter(person=person, status=NominationStatus.AWARDED, round__title__isnull=False)
        .select_related("round__title")
        .order_by("-awarded_on", "-pk")
        .first()
    )


@transaction.atomic
def mentor_register(
    *, actor: User, org: OrgNode, person: Person, kind: str = "", title: str = "", max_apprentices: int = 3
) -> Mentor:
    """Put a person on the union's roster of mentors; their conferred honor and their place in an expert pool
    above or below the union are linked when there are any (the kind follows the honor unless given)."""
    require(actor, org, Perm.ORG_EDIT)
    honor = _honor_of(person)
    kind = kind or (
        MentorKind.MODEL_WORKER
        if honor and honor.round.title and honor.round.title.is_model_worker
        else MentorKind.CRAFTSMAN
        if honor and honor.round.title and honor.round.title.is_craftsman
        else ""
    )
    errors: dict[str, str] = {}
    if kind not in MentorKind.values:
        errors["kind"] = _("请选择师傅的类别（劳动模范、工匠、技师或技能标兵）。")
    if not 1 <= max_apprentices <= 20:
        errors["max_apprentices"] = _("同时带徒上限须在1至20人之间。")
    title = clean_text(title) or (honor.round.title.name if honor and honor.round.title else "")
    if len(title) > 100:
        errors["title"] = _("称号不超过100字。")
    if errors:
        raise ValidationError(errors)
    expert = next((e for e in Expert.objects.filter(person=person).select_related("org") if _related(e.org, org)), None)
    taken = _("该职工已登记为师傅。")
    if Mentor.objects.filter(person=person).exists():
        raise ValidationError(taken)
    try:
        with transaction.atomic():
            mentor = Mentor.objects.create(
                org=org,
                person=person,
                kind=kind,
                title=title,
                honor=honor,
                expert=expert,
                max_apprentices=max_apprentices,
                created_by=actor,
            )
    except IntegrityError as exc:
        raise ValidationError(taken) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, target=mentor, org=org, detail={"kind": kind})
    return mentor


# --- pairing ---------------------------------------------------------------------------------------------


def _check_pair(data: PairFields) -> dict[str, str]:
    data.goals = data.goals.strip()
    data.school, data.school_mentor = clean_text(data.school), clean_text(data.school_mentor)
    errors: dict[str, str] = {}
    if data.ends_on <= data.starts_on:
        errors["ends_on"] = _("协议结束日期须晚于开始日期。")
    elif (data.ends_on - data.starts_on).days > MAX_DAYS:
        errors["ends_on"] = _("师徒协议期限不超过三年。")
    if not data.goals:
        errors["goals"] = _("请写明带徒目标，如“一年内掌握数控编程，考取中级工”。")
    elif len(data.goals) > 1000:
        errors["goals"] = _("带徒目标不超过1000字。")
    if data.mode not in PairMode.values:
        errors["mode"] = _("带徒方式无效。")
    elif data.mode == PairMode.DUAL and not data.school:
        errors["school"] = _("企校双师带徒请填写合作院校。")
    if len(data.school) > 100 or len(data.school_mentor) > 50:
        errors["school"] = _("院校不超过100字，导师姓名不超过50字。")
    if not Decimal(0) <= data.stipend <= MAX_STIPEND:
        errors["stipend"] = _("带徒津贴须在0至%(n)s元之间（没有津贴填0）。") % {"n": MAX_STIPEND}
    return errors


def _overlap(apprentice: Person, data: PairFields) -> Pair | None:
    """A pair of the apprentice whose period meets the new one's (a live pair always does)."""
    ended = Q(closed_on__gte=data.starts_on) & ~Q(status=PairStatus.ACTIVE)
    return (
        Pair.objects.filter(apprentice=apprentice, starts_on__lte=data.ends_on)
        .filter(Q(status=PairStatus.ACTIVE) | ended)
        .select_related("mentor__person")
        .first()
    ) or Pair.objects.filter(apprentice=apprentice, status=PairStatus.ACTIVE).select_related("mentor__person").first()


def _take_place(mentor: Mentor) -> bool:
    """The maximum's guard: one more apprentice, or False when the mentor has as many as they may."""
    return (
        Mentor.objects.filter(pk=mentor.pk, active_count__lt=F("max_apprentices")).update(
            active_count=F("active_count") + 1
        )
        == 1
    )


@transaction.atomic
def pair_create(*, actor: User, org: OrgNode, mentor: Mentor, apprentice: Person, data: PairFields) -> Pair:
    """Pair an apprentice (a member under the union) with a mentor of this union, one above or one below it."""
    require(actor, org, Perm.ORG_EDIT)
    if not _related(mentor.org, org):
        raise ValidationError({"mentor": _("师傅须在本会、上级或下级工会登记。")})
    if apprentice.pk == mentor.person_id:
        raise ValidationError({"apprentice": _("师傅不能与自己结对。")})
    membership = active_membership(apprentice)
    if membership is None or not membership.org.path.startswith(org.path):
        raise ValidationError({"apprentice": _("徒弟须为%(org)s及下级工会的在册会员。") % {"org": org.name}})
    errors = _check_pair(data)
    if errors:
        raise ValidationError(errors)
    paired = _("%(name)s在%(a)s至%(b)s已与师傅%(m)s结对，同一期间不能再结对。")
    found = _overlap(apprentice, data)
    if found is not None:
        end = found.closed_on or found.ends_on
        raise ValidationError(
            paired % {"name": apprentice.name, "a": found.starts_on, "b": end, "m": found.mentor.person.name}
        )
    if not _take_place(mentor):
        raise ValidationError(
            _("师傅%(m)s同时带徒已达上限%(n)s人。") % {"m": mentor.person.name, "n": mentor.max_apprentices}
        )
    try:
        with transaction.atomic():
            pair = Pair.objects.create(
                org=org,
                mentor=mentor,
                apprentice=apprentice,
                occupation=data.occupation,
                mode=data.mode,
                school=data.school,
                school_mentor=data.school_mentor,
                starts_on=data.starts_on,
                ends_on=data.ends_on,
                goals=data.goals,
                stipend=data.stipend,
                level_start=_level(apprentice, data.occupation),
                created_by=actor,
            )
    except IntegrityError as exc:  # paired elsewhere at the same moment; the place taken is rolled back
        raise ValidationError(_("%(name)s已有进行中的师徒结对。") % {"name": apprentice.name}) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, target=pair, org=org, detail={"mentor": mentor.pk})
    return pair


def _level(person: Person, occupation: Occupation | None) -> str:
    return (current_level(person, occupation.pk) or "") if occupation is not None else ""


@transaction.atomic
def pair_close(
    *,
    actor: User,
    pair: Pair,
    completed: bool,
    closed_on: dt.date,
    note: str = "",
    competition_results: str = "",
) -> Pair:
    """出师 (completed: the apprentice's level is read again) or ended early (with a reason); the mentor's
    place is freed either way."""
    require(actor, pair.org, Perm.ORG_EDIT)
    note, competition_results = note.strip(), competition_results.strip()
    errors: dict[str, str] = {}
    if not completed and not note:
        errors["note"] = _("请填写提前解除的原因。")
    if len(note) > 500:
        errors["note"] = _("不超过500字。")
    if len(competition_results) > 1000:
        errors["competition_results"] = _("竞赛成绩不超过1000字。")
    if closed_on < pair.starts_on or closed_on > timezone.localdate():
        errors["closed_on"] = _("日期须在协议开始之后、今天之前。")
    if errors:
        raise ValidationError(errors)
    closed = Pair.objects.filter(pk=pair.pk, status=PairStatus.ACTIVE).update(
        status=PairStatus.COMPLETED if completed else PairStatus.ENDED,
        closed_on=closed_on,
        close_note=note,
        competition_results=competition_results,
        level_end=_level(pair.apprentice, pair.occupation) if completed else "",
        updated_at=timezone.now(),
    )
    if closed != 1:
        raise ValidationError(_("该师徒结对已结束。"))
    Mentor.objects.filter(pk=pair.mentor_id, active_count__gt=0).update(active_count=F("active_count") - 1)
    pair.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=pair, org=pair.org, detail={"status": pair.status})
    return pair


@transaction.atomic
def results_record(*, actor: User, pair: Pair, competition_results: str) -> Pair:
    """The apprentice's competition results (名次, 竞赛名称), as text until the competitions link them."""
    require(actor, pair.org, Perm.ORG_EDIT)
    text = competition_results.strip()
    if len(text) > 1000:
        raise ValidationError({"competition_results": _("竞赛成绩不超过1000字。")})
    pair.competition_results = text
    pair.save(update_fields=["competition_results", "updated_at"])
    return pair
