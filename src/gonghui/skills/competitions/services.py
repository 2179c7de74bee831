"""Writes of a competition's set-up: create it (with its events.Event), its stages and scoring sheets, seat
judges, set a union's quota, open entries and start the competition.

Entries are in `entries`, scores in `scoring`, ranking and advancement in `ranking`, the notice, objections,
awards and certificates in `results`. Every refusal is a ValidationError with a Chinese reason and leaves
nothing behind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.moments import aware
from gonghui.common.textnorm import clean_text
from gonghui.events.choices import EventKind
from gonghui.events.services import EventFields, event_create, event_publish
from gonghui.innovation.models import HonorTitle, SelectionRound
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.certification.choices import CertifiedLevel, level_rank
from gonghui.skills.certification.models import Occupation
from gonghui.skills.competitions.choices import (
    AdvanceRule,
    CompetitionKind,
    CompetitionStatus,
    ContestStageStatus,
    EntryMode,
)
from gonghui.skills.competitions.models import Competition, Judge, Quota, SheetItem, Stage, StageResult

MAX_PLACES = 100_000  # the events engine's largest capacity


@dataclass
class CompetitionFields:
    title: str
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str
    entry_mode: str = EntryMode.INDIVIDUAL
    places: int = 1000
    chain: str = ""
    occupation: Occupation | None = None
    project: str = ""
    team_size_min: int = 0
    team_size_max: int = 0
    quota_per_union: int | None = None
    trade_only: bool = False
    min_age: int | None = None
    max_age: int | None = None
    min_level: str = ""
    max_level: str = ""
    first_prizes: int = 1
    second_prizes: int = 2
    third_prizes: int = 3
    honor: HonorTitle | None = None
    title_places: int = 0
    selection: SelectionRound | None = None
    notice_days: int = 5
    description: str = ""


def _check(org: OrgNode, data: CompetitionFields) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not clean_text(data.title):
        errors["title"] = _("请填写竞赛名称。")
    if data.kind not in CompetitionKind.values:
        errors["kind"] = _("竞赛类型无效。")
    if data.entry_mode not in EntryMode.values:
        errors["entry_mode"] = _("参赛形式无效。")
    elif data.entry_mode == EntryMode.TEAM and not 1 <= data.team_size_min <= data.team_size_max:
        errors["team_size_min"] = _("团体赛每队人数：最少须在1至最多人数之间。")
    if aware(data.ends_at) <= aware(data.starts_at):
        errors["ends_at"] = _("结束时间须晚于开始时间。")
    if not 1 <= data.places <= MAX_PLACES:
        errors["places"] = _("参赛名额须在1至%(max)s之间。") % {"max": MAX_PLACES}
    if data.quota_per_union is not None and data.quota_per_union < 1:
        errors["quota_per_union"] = _("每个基层工会名额至少为1，不限名额请留空。")
    if data.min_age is not None and data.max_age is not None and data.max_age < data.min_age:
        errors["max_age"] = _("最大年龄不能小于最小年龄。")
    for field in ("min_level", "max_level"):
        if getattr(data, field) and getattr(data, field) not in CertifiedLevel.values:
            errors[field] = _("技能等级无效。")
    if data.min_level and data.max_level and level_rank(data.max_level) < level_rank(data.min_level):
        errors["max_level"] = _("最高技能等级不能低于最低技能等级。")
    if (data.min_level or data.max_level or data.trade_only) and data.occupation is None:
        errors["occupation"] = _("按工种或技能等级限定参赛者时，请选择职业（工种）。")
    if data.honor is not None and data.title_places < 1:
        errors["title_places"] = _("请填写授予称号的名额。")
    if data.selection is not None and (data.honor is None or data.selection.title_id != data.honor.pk):
        errors["selection"] = _("推荐参加的评选须是授予同一称号的评选。")
    if data.selection is not None and not org.path.startswith(data.selection.org.path):
        errors["selection"] = _("只能推荐参加本会或上级工会的评选。")
    if not 1 <= data.notice_days <= 30:
        errors["notice_days"] = _("公示天数须在1至30天之间。")
    if not clean_text(data.venue):
        errors["venue"] = _("请填写比赛地点。")
    return errors


@transaction.atomic
def competition_create(*, actor: User, org: OrgNode, data: CompetitionFields) -> Competition:
    """A union at any level sets up a competition; its entrants' sign-ups live in a new 技能竞赛 event."""
    require(actor, org, Perm.ORG_EDIT)
    errors = _check(org, data)
    if errors:
        raise ValidationError(errors)
    team = data.entry_mode == EntryMode.TEAM
    event = event_create(
        actor=actor,
        org=org,
        data=EventFields(
            kind=EventKind.COMPETITION,
            title=clean_text(data.title)[:100],
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            capacity=data.places,
            description=data.description.strip()[:4000],
            address=clean_text(data.venue)[:200],
            audience_org=org,
            team_size_min=data.team_size_min if team else 0,
            team_size_max=data.team_size_max if team else 0,
            teams_per_union=min(data.quota_per_union or 1000, 1000),
            walk_ins=False,
        ),
    )
    competition = Competition.objects.create(
        org=org,
        event=event,
        kind=data.kind,
        title=event.title,
        year=aware(data.starts_at).year,
        chain=clean_text(data.chain)[:50],
        occupation=data.occupation,
        project=clean_text(data.project)[:100],
        entry_mode=data.entry_mode,
        team_size_min=data.team_size_min if team else 0,
        team_size_max=data.team_size_max if team else 0,
        quota_per_union=data.quota_per_union,
        trade_only=data.trade_only,
        min_age=data.min_age,
        max_age=data.max_age,
        min_level=data.min_level,
        max_level=data.max_level,
        first_prizes=data.first_prizes,
        second_prizes=data.second_prizes,
        third_prizes=data.third_prizes,
        honor=data.honor,
        title_places=data.title_places if data.honor else 0,
        selection=data.selection,
        notice_days=data.notice_days,
        created_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=competition, org=org, detail={"kind": data.kind})
    return competition


def _locked(competition: Competition) -> Competition:
    return Competition.objects.select_for_update(of=("self",)).select_related("org", "event").get(pk=competition.pk)


def _editable(competition: Competition) -> None:
    if competition.status not in (CompetitionStatus.DRAFT, CompetitionStatus.OPEN):
        raise ValidationError(_("竞赛已开始，不能再修改赛段和评分表。"))


@transaction.atomic
def stage_add(
    *,
    actor: User,
    competition: Competition,
    name: str,
    advance_rule: str = AdvanceRule.FINAL,
    advance_n: int | None = None,
    advance_line: Decimal | None = None,
    scores_needed: int = 1,
    tolerance: Decimal = Decimal(2),
    blind: bool = False,
    timed: bool = False,
) -> Stage:
    """The next stage (初赛 → 复赛 → 决赛): who advances from it, and how it is scored."""
    require(actor, competition.org, Perm.ORG_EDIT)
    competition = _locked(competition)
    _editable(competition)
    errors: dict[str, str] = {}
    if not clean_text(name):
        errors["name"] = _("请填写赛段名称，如初赛、复赛、决赛。")
    if advance_rule not in AdvanceRule.values:
        errors["advance_rule"] = _("晋级规则无效。")
    elif advance_rule == AdvanceRule.TOP_N and (advance_n is None or advance_n < 1):
        errors["advance_n"] = _("请填写晋级人数（队数），至少为1。")
    elif advance_rule == AdvanceRule.SCORE_LINE and advance_line is None:
        errors["advance_line"] = _("请填写晋级分数线。")
    if scores_needed not in (1, 2):
        errors["scores_needed"] = _("每个参赛单元的评分份数只能是1或2。")
    if tolerance < 0:
        errors["tolerance"] = _("允许差值不能为负数。")
    last = competition.stages.order_by("-seq").first()
    if last is not None and last.advance_rule == AdvanceRule.FINAL:
        errors["advance_rule"] = _("“%(name)s”已是决赛，不能再增加赛段。") % {"name": last.name}
    if errors:
        raise ValidationError(errors)
    return Stage.objects.create(
        competition=competition,
        seq=(last.seq + 1) if last else 1,
        name=clean_text(name)[:20],
        advance_rule=advance_rule,
        advance_n=advance_n if advance_rule == AdvanceRule.TOP_N else None,
        advance_line=advance_line if advance_rule == AdvanceRule.SCORE_LINE else None,
        scores_needed=scores_needed,
        tolerance=tolerance,
        blind=blind,
        timed=timed,
    )


@transaction.atomic
def item_add(
    *, actor: User, stage: Stage, name: str, max_marks: Decimal, weight: Decimal = Decimal(1), practical: bool = False
) -> SheetItem:
    """An item of the stage's scoring sheet (理论, 实操 …) with its full marks and weight."""
    require(actor, stage.competition.org, Perm.ORG_EDIT)
    _editable(_locked(stage.competition))
    errors: dict[str, str] = {}
    if not clean_text(name):
        errors["name"] = _("请填写评分项名称。")
    if max_marks <= 0:
        errors["max_marks"] = _("满分须大于0。")
    if weight <= 0:
        errors["weight"] = _("权重须大于0。")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return SheetItem.objects.create(
                stage=stage,
                name=clean_text(name)[:30],
                max_marks=max_marks,
                weight=weight,
                practical=practical,
                sort=stage.items.count(),
            )
    except IntegrityError:
        raise ValidationError({"name": _("评分表中已有“%(name)s”。") % {"name": clean_text(name)}}) from None


@transaction.atomic
def judge_seat(
    *, actor: User, stage: Stage, person: Person, enterprise: Enterprise | None = None, role: str = ""
) -> Judge:
    """Seat a person (a member, a model worker) as a judge of the stage; where they work and their union
    are kept for the conflict-of-interest rule (their roster's employer unless the organiser names one)."""
    require(actor, stage.competition.org, Perm.ORG_EDIT)
    if stage.status == ContestStageStatus.CLOSED:
        raise ValidationError(_("该赛段已结束。"))
    membership = active_membership(person)
    employer = enterprise or (membership.employer if membership is not None else None)
    try:
        with transaction.atomic():
            return Judge.objects.create(
                stage=stage,
                person=person,
                enterprise=employer,
                org=membership.org if membership is not None else None,
                role=clean_text(role)[:30],
                seated_by=actor,
            )
    except IntegrityError:
        raise ValidationError(_("%(name)s已是该赛段的评委。") % {"name": person.name}) from None


@transaction.atomic
def judge_remove(*, actor: User, judge: Judge) -> None:
    require(actor, judge.stage.competition.org, Perm.ORG_EDIT)
    if judge.scores.exists():
        raise ValidationError(_("该评委已评分，不能撤下。"))
    judge.delete()


@transaction.atomic
def quota_set(*, actor: User, competition: Competition, org: OrgNode, places: int | None) -> Quota:
    """A grassroots union's own quota (more or fewer than the default); never below what it already used."""
    require(actor, competition.org, Perm.ORG_EDIT)
    if not org.path.startswith(competition.org.path) or org.pk == competition.org_id:
        raise ValidationError({"org": _("名额只能分配给本竞赛主办工会的下级工会。")})
    if places is not None and places < 0:
        raise ValidationError({"places": _("名额不能为负数。")})
    quota, _created = Quota.objects.select_for_update().get_or_create(
        competition=competition, org=org, defaults={"places": competition.quota_per_union}
    )
    if places is not None and places < quota.used:
        used = {"org": org.name, "n": quota.used}
        raise ValidationError({"places": _("%(org)s已报名%(n)s个，名额不能少于此数。") % used})
    quota.places = places
    quota.save(update_fields=["places"])
    return quota


@transaction.atomic
def competition_open(*, actor: User, competition: Competition) -> Competition:
    """Open entries: the stages end in a final and every stage has a scoring sheet; the event is published."""
    require(actor, competition.org, Perm.ORG_EDIT)
    competition = _locked(competition)
    if competition.status != CompetitionStatus.DRAFT:
        raise ValidationError(_("只有筹备中的竞赛可以开放报名。"))
    stages = list(competition.stages.order_by("seq"))
    if not stages or stages[-1].advance_rule != AdvanceRule.FINAL:
        raise ValidationError(_("请先设置赛段，最后一个赛段须为决赛。"))
    empty = [s.name for s in stages if not s.items.exists()]
    if empty:
        raise ValidationError(_("以下赛段还没有评分表：%(names)s") % {"names": "、".join(empty)})
    event_publish(actor=actor, event=competition.event)
    competition.status = CompetitionStatus.OPEN
    competition.save(update_fields=["status", "updated_at"])
    return competition


@transaction.atomic
def competition_start(*, actor: User, competition: Competition) -> Competition:
    """Close entries and open the first stage's scoring."""
    require(actor, competition.org, Perm.ORG_EDIT)
    competition = _locked(competition)
    if competition.status != CompetitionStatus.OPEN:
        raise ValidationError(_("只有报名中的竞赛可以开始比赛。"))
    if not StageResult.objects.filter(stage__competition=competition).exists():
        raise ValidationError(_("还没有人报名，不能开始比赛。"))
    competition.status = CompetitionStatus.RUNNING
    competition.save(update_fields=["status", "updated_at"])
    Stage.objects.filter(competition=competition, seq=1).update(status=ContestStageStatus.SCORING)
    return competition
