"""The 五小 review chain: recommendation, panel scoring with conflict-of-interest checks, ranking with quotas.

A project's stage 0 is its own union's recommendation (unless that union is itself a federation). Every
federation above it, up to the call's, scores with the call's rubric: panel reviewers fill scorecards, and
the federation then closes its level for the call, which ranks the projects by average score and forwards
the best within its quota (推荐名额). The call's own federation closing its level ranks the finalists.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.innovation.choices import ProjectStatus, StageStatus
from gonghui.innovation.models import CallQuota, InnovationCall, PanelSeat, Project, ReviewStage, Scorecard
from gonghui.innovation.projects.review_chain import review_chain
from gonghui.orgs.models import OrgNode, StaffRole
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

CENT = Decimal("0.01")


def _locked_stage(stage_id: int) -> ReviewStage:
    stage = ReviewStage.objects.select_for_update().select_related("project__call", "org").get(pk=stage_id)
    if stage.status != StageStatus.OPEN or stage.project.status != ProjectStatus.IN_REVIEW:
        raise ValidationError(_("该评审环节已结束。"), code="closed")
    return stage


def _forwarded(call: InnovationCall, org: OrgNode) -> int:
    return ReviewStage.objects.filter(project__call=call, org=org, status=StageStatus.PASSED).count()


def _quota(call: InnovationCall, org: OrgNode) -> int | None:
    return CallQuota.objects.filter(call=call, org=org).values_list("quota", flat=True).first()


def _advance(stage: ReviewStage) -> None:
    """Open the next level for the project, or mark it a finalist when this was the call's own level."""
    project = stage.project
    chain = review_chain(project.org, project.call.org)
    if stage.order + 1 < len(chain):
        org, scored = chain[stage.order + 1]
        ReviewStage.objects.create(project=project, order=stage.order + 1, org=org, scored=scored)
        project.stage_order = stage.order + 1
        project.save(update_fields=["stage_order", "updated_at"])
    else:
        project.status = ProjectStatus.RANKED
        project.final_score = stage.average
        project.rank = stage.rank
        project.save(update_fields=["status", "final_score", "rank", "updated_at"])


def _fail(stage: ReviewStage, note: str) -> None:
    stage.status = StageStatus.FAILED
    stage.note = note
    stage.save(update_fields=["status", "note", "average", "rank", "decided_by", "decided_at"])
    Project.objects.filter(pk=stage.project_id).update(status=ProjectStatus.REJECTED, updated_at=timezone.now())


@transaction.atomic
def stage_recommend(*, actor: Any, stage: ReviewStage, recommend: bool, note: str = "") -> ReviewStage:
    """A union's own decision on its project (unscored level): recommend it upwards, within quota, or not."""
    require(actor, stage.org, Perm.REVIEW)
    stage = _locked_stage(stage.pk)
    if stage.scored:
        raise ValidationError(_("这一级按评分细则评审，请由评审专家评分。"))
    stage.decided_by, stage.decided_at = actor, timezone.now()
    if not recommend:
        if not note.strip():
            raise ValidationError({"note": _("不推荐时请写明原因。")})
        _fail(stage, note.strip())
        return stage
    quota = _quota(stage.project.call, stage.org)
    if quota is not None and _forwarded(stage.project.call, stage.org) >= quota:
        raise ValidationError(_("%(org)s的推荐名额（%(n)d 项）已用完。") % {"org": stage.org.name, "n": quota})
    stage.status, stage.note = StageStatus.PASSED, note.strip()
    stage.save(update_fields=["status", "note", "decided_by", "decided_at"])
    _advance(stage)
    return stage


def seat_for(user: Any, stage: ReviewStage) -> PanelSeat | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        PanelSeat.objects.filter(user=user, panel__call_id=stage.project.call_id, panel__org_id=stage.org_id)
        .select_related("panel")
        .first()
    )


def conflict_of_interest(seat: PanelSeat, project: Project) -> str | None:
    """Why this reviewer must stand aside for this project, or None."""
    if seat.enterprise_id and seat.enterprise_id == project.enterprise_id:
        return _("您与该项目所在企业存在工作关系，需回避评分。")
    if seat.person_id and project.team.filter(person_id=seat.person_id).exists():
        return _("您是该项目的团队成员，需回避评分。")
    if StaffRole.objects.filter(user_id=seat.user_id, org_id=project.org_id).exists():
        return _("您在该项目的申报工会任职，需回避评分。")
    return None


def check_points(stage: ReviewStage, points: dict[str, Any]) -> tuple[dict[str, str], Decimal]:
    """Each criterion of the call's rubric scored once, within 0..max; returns (points as text, total)."""
    criteria = list(stage.project.call.rubric.criteria.all())
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for criterion in criteria:
        raw = points.get(str(criterion.pk))
        try:
            value = Decimal(str(raw)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        except (ArithmeticError, ValueError):
            errors[f"c{criterion.pk}"] = _("“%(name)s”请填写分数。") % {"name": criterion.name}
            continue
        if not 0 <= value <= criterion.max_points:
            errors[f"c{criterion.pk}"] = _("“%(name)s”的分数应在 0 到 %(max)s 之间。") % {
                "name": criterion.name,
                "max": criterion.max_points,
            }
        clean[str(criterion.pk)] = str(value)
    unknown = set(map(str, points)) - {str(c.pk) for c in criteria}
    if unknown:
        errors["__all__"] = _("评分表中有不属于本细则的评分项。")
    if errors:
        raise ValidationError(errors)
    return clean, sum((Decimal(v) for v in clean.values()), Decimal(0))


@transaction.atomic
def scorecard_submit(*, actor: Any, stage: ReviewStage, points: dict[str, Any], comment: str = "") -> Scorecard:
    """A panel reviewer scores (or re-scores, until the level closes) one project."""
    stage = _locked_stage(stage.pk)
    seat = seat_for(actor, stage)
    if seat is None or not stage.scored:
        raise PermissionDenied
    conflict = conflict_of_interest(seat, stage.project)
    if conflict:
        raise ValidationError(conflict, code="conflict_of_interest")
    clean, total = check_points(stage, points)
    card, _created = Scorecard.objects.update_or_create(
        stage=stage, reviewer=actor, defaults={"points": clean, "total": total, "comment": comment.strip()[:500]}
    )
    return card


def _ranked(stages: list[ReviewStage]) -> list[ReviewStage]:
    """Highest average first; ties go to the earlier submission."""
    return sorted(stages, key=lambda s: (-(s.average or 0), s.project.submitted_at, s.project_id))


@transaction.atomic
def level_close(*, actor: Any, call: InnovationCall, org: OrgNode) -> list[ReviewStage]:
    """Close `org`'s scored level of `call`: average, rank, forward the best within quota (or rank finalists)."""
    require(actor, org, Perm.REVIEW)
    InnovationCall.objects.select_for_update().filter(pk=call.pk).first()  # one closing at a time per call
    open_here = ReviewStage.objects.filter(
        project__call=call, org=org, scored=True, status=StageStatus.OPEN, project__status=ProjectStatus.IN_REVIEW
    )
    locked = list(open_here.select_for_update().values_list("pk", flat=True))  # scorecards now wait for us
    stages: list[ReviewStage] = list(
        ReviewStage.objects.filter(pk__in=locked)
        .select_related("project__call", "org")
        .annotate(cards=Count("scorecards"), mean=Avg("scorecards__total"))
    )
    if not stages:
        raise ValidationError(_("本级没有待评审的项目。"))
    short = [s.project.title for s in stages if s.cards < call.min_reviewers]  # type: ignore[attr-defined]
    if short:
        raise ValidationError(
            _("以下项目评分人数不足 %(n)d 人：%(titles)s") % {"n": call.min_reviewers, "titles": "、".join(short[:10])}
        )
    for stage in stages:
        stage.average = Decimal(stage.mean).quantize(CENT, rounding=ROUND_HALF_UP)  # type: ignore[attr-defined]
    final = org.pk == call.org_id
    quota = None if final else _quota(call, org)
    room = None if quota is None else max(0, quota - _forwarded(call, org))
    now = timezone.now()
    for rank, stage in enumerate(_ranked(stages), start=1):
        stage.rank, stage.decided_by, stage.decided_at = rank, actor, now
        below = stage.average is not None and stage.average < call.merit_score
        if final or (not below and (room is None or room > 0)):
            if room is not None:
                room -= 1
            stage.status = StageStatus.PASSED
            stage.save(update_fields=["status", "average", "rank", "decided_by", "decided_at"])
            _advance(stage)
        else:
            _fail(stage, _("平均分低于推荐线") if below else _("超出推荐名额"))
    audit_record(actor=actor, action=AuditAction.UPDATE, target=call, org=org, detail={"level_closed": len(stages)})
    return stages


def stage_filter_open_for_reviewer(user: Any) -> Q:
    """Open scored stages on panels where `user` sits (the reviewer's own queue).

    An open stage always belongs to a project in review: every later state closes its stages.
    """
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    seats = PanelSeat.objects.filter(user_id=user.pk).values_list("panel__call_id", "panel__org_id")
    query = Q(pk__in=[])
    for call_id, org_id in seats:
        query |= Q(project__call_id=call_id, org_id=org_id)
    return query & Q(status=StageStatus.OPEN, scored=True)
