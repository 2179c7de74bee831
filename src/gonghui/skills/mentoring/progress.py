"""A pair's progress: milestones (due dates, done) and both sides' evaluations (the mentor of the apprentice,
the apprentice of the mentor; a score out of 100 and remarks, once per side and stage). A cadre records them
at the desk; the mentor and the apprentice may record their own evaluation in 我的."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.textnorm import clean_text
from gonghui.members.models import Person
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.mentoring.choices import EvaluationSide, EvaluationStage, PairStatus
from gonghui.skills.mentoring.models import Evaluation, Milestone, Pair


def _live(pair: Pair) -> None:
    if pair.status != PairStatus.ACTIVE:
        raise ValidationError(_("该师徒结对已“%(s)s”。") % {"s": pair.get_status_display()})


@transaction.atomic
def milestone_add(*, actor: User, pair: Pair, title: str, due_on: dt.date) -> Milestone:
    require(actor, pair.org, Perm.ORG_EDIT)
    _live(pair)
    title = clean_text(title)
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("请填写节点，如“独立完成零件编程加工”。")
    elif len(title) > 100:
        errors["title"] = _("节点不超过100字。")
    if not pair.starts_on <= due_on <= pair.ends_on:
        errors["due_on"] = _("计划完成日期须在协议期内（%(a)s至%(b)s）。") % {"a": pair.starts_on, "b": pair.ends_on}
    if errors:
        raise ValidationError(errors)
    return Milestone.objects.create(pair=pair, title=title, due_on=due_on)


@transaction.atomic
def milestone_done(*, actor: User, milestone: Milestone, done_on: dt.date, note: str = "") -> Milestone:
    milestone = Milestone.objects.select_for_update().select_related("pair", "pair__org").get(pk=milestone.pk)
    require(actor, milestone.pair.org, Perm.ORG_EDIT)
    if milestone.done_on is not None:
        raise ValidationError(_("该节点已于%(d)s完成。") % {"d": milestone.done_on})
    note = note.strip()
    if done_on > timezone.localdate() or done_on < milestone.pair.starts_on:
        raise ValidationError({"done_on": _("完成日期须在协议开始之后、今天之前。")})
    if len(note) > 300:
        raise ValidationError({"note": _("完成情况不超过300字。")})
    milestone.done_on, milestone.note = done_on, note
    milestone.save(update_fields=["done_on", "note"])
    return milestone


def evaluation_record(
    *,
    pair: Pair,
    direction: str,
    stage: str,
    score: int,
    remarks: str = "",
    actor: User | None = None,
    person: Person | None = None,
    user: User | None = None,
) -> Evaluation:
    """A cadre (`actor`, at the desk) or one side of the pair (`person`, signed in as `user`) evaluates."""
    if actor is not None:
        require(actor, pair.org, Perm.ORG_EDIT)
        by = actor
    else:
        own = EvaluationSide.OF_APPRENTICE if person is not None and person.pk == pair.mentor.person_id else None
        own = own or (EvaluationSide.OF_MENTOR if person is not None and person.pk == pair.apprentice_id else None)
        if own is None or user is None or direction != own:
            raise ValidationError(_("只能由师傅评价徒弟、由徒弟评价师傅。"))
        by = user
    remarks = remarks.strip()
    errors: dict[str, str] = {}
    if direction not in EvaluationSide.values:
        errors["direction"] = _("评价方向无效。")
    if stage not in EvaluationStage.values:
        errors["stage"] = _("评价阶段无效。")
    if not 0 <= score <= 100:
        errors["score"] = _("评分须在0至100分之间。")
    if len(remarks) > 500:
        errors["remarks"] = _("评语不超过500字。")
    if errors:
        raise ValidationError(errors)
    if stage == EvaluationStage.MIDTERM:
        _live(pair)
    done = _("“%(d)s”的%(s)s评价已录入，不能重复评价。") % {
        "d": EvaluationSide(direction).label,
        "s": EvaluationStage(stage).label,
    }
    if Evaluation.objects.filter(pair=pair, direction=direction, stage=stage).exists():
        raise ValidationError(done)
    try:
        with transaction.atomic():
            return Evaluation.objects.create(
                pair=pair, direction=direction, stage=stage, score=score, remarks=remarks, entered_by=by
            )
    except IntegrityError as exc:
        raise ValidationError(done) from exc
