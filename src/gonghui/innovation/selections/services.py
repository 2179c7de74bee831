"""Selections with quotas — honors (劳模工匠选树) and 全员创新企业: nominate → select → notice → award.

Nominations come from unions inside the round's federation; the federation selects within its quota
(by hand, or the top scores on the round's criteria), puts the list on public notice, withdraws any
nominee an upheld objection disqualifies, and after the notice confers the title.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.textnorm import clean_text
from gonghui.innovation.choices import NominationStatus, NomineeKind, RoundKind, RoundStatus
from gonghui.innovation.models import HonorTitle, Nomination, SelectionRound
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

DEFAULT_ENTERPRISE_QUOTA = 10  # 泰安: ten 全员创新企业 a year per city and per county


@transaction.atomic
def round_open(
    *,
    actor: Any,
    kind: str,
    org: OrgNode,
    year: int,
    name: str,
    quota: int | None = None,
    title: HonorTitle | None = None,
    criteria: list[dict[str, Any]] | None = None,
    notice_days: int = 7,
) -> SelectionRound:
    require(actor, org, Perm.REVIEW)
    if kind not in RoundKind.values:
        raise ValidationError({"kind": _("评选类型无效。")})
    if kind == RoundKind.HONOR and title is None:
        raise ValidationError({"title": _("请选择荣誉称号。")})
    quota = DEFAULT_ENTERPRISE_QUOTA if quota is None and kind == RoundKind.INNOVATIVE_ENTERPRISE else quota
    if not quota or quota < 1:
        raise ValidationError({"quota": _("名额至少为 1。")})
    for item in criteria or []:
        if not item.get("key") or not item.get("name") or Decimal(str(item.get("max", 0))) <= 0:
            raise ValidationError({"criteria": _("每个评价指标都要有编码、名称和满分。")})
    try:
        with transaction.atomic():
            return SelectionRound.objects.create(
                kind=kind,
                org=org,
                year=year,
                name=clean_text(name),
                quota=quota,
                title=title if kind == RoundKind.HONOR else None,
                criteria=criteria or [],
                notice_days=notice_days,
            )
    except IntegrityError:
        raise ValidationError(_("%(org)s %(year)d 年已有同类评选。") % {"org": org.name, "year": year}) from None


def _scores(round_: SelectionRound, scores: dict[str, Any]) -> tuple[dict[str, str], Decimal | None]:
    if not round_.criteria:
        return {}, None
    clean: dict[str, str] = {}
    for item in round_.criteria:
        value = Decimal(str(scores.get(item["key"], 0)))
        if not 0 <= value <= Decimal(str(item["max"])):
            raise ValidationError({"scores": _("“%(name)s”应在 0 到 %(max)s 之间。") % item})
        clean[item["key"]] = str(value)
    return clean, sum((Decimal(v) for v in clean.values()), Decimal(0))


@transaction.atomic
def nominate(
    *,
    actor: Any,
    round_: SelectionRound,
    nominated_by: OrgNode,
    kind: str,
    person: Person | None = None,
    enterprise: Enterprise | None = None,
    team_name: str = "",
    is_front_line: bool = False,
    deeds: str = "",
    scores: dict[str, Any] | None = None,
) -> Nomination:
    require(actor, nominated_by, Perm.ORG_EDIT)
    if round_.status != RoundStatus.OPEN:
        raise ValidationError(_("该评选已截止推荐。"))
    if not nominated_by.path.startswith(round_.org.path):
        raise ValidationError(_("%(org)s不在该评选的推荐范围内。") % {"org": nominated_by.name})
    expected = NomineeKind.ORGANISATION if round_.title is None else round_.title.nominee_kind
    if kind != expected:
        raise ValidationError(_("该评选只接受“%(kind)s”推荐。") % {"kind": NomineeKind(expected).label})
    if enterprise is not None and not enterprise.union.path.startswith(round_.org.path):
        raise ValidationError({"enterprise": _("该企业不在评选范围内。")})
    clean, total = _scores(round_, scores or {})
    try:
        with transaction.atomic():
            return Nomination.objects.create(
                round=round_,
                nominated_by=nominated_by,
                nominee_kind=kind,
                person=person if kind == NomineeKind.PERSON else None,
                enterprise=enterprise,
                team_name=clean_text(team_name) if kind == NomineeKind.TEAM else "",
                is_front_line=is_front_line and kind == NomineeKind.PERSON,
                deeds=deeds.strip(),
                scores=clean,
                score=total,
            )
    except IntegrityError:
        raise ValidationError(_("该对象已在本次评选中被推荐，或推荐信息不完整。")) from None


def _locked_round(round_: SelectionRound, status: RoundStatus) -> SelectionRound:
    round_ = SelectionRound.objects.select_for_update().get(pk=round_.pk)
    if round_.status != status:
        raise ValidationError(_("评选当前为“%(s)s”，不能进行此操作。") % {"s": round_.get_status_display()})
    return round_


@transaction.atomic
def nomination_decide(*, actor: Any, nomination: Nomination, select: bool, note: str = "") -> Nomination:
    require(actor, nomination.round.org, Perm.REVIEW)
    round_ = _locked_round(nomination.round, RoundStatus.OPEN)
    nomination = Nomination.objects.get(pk=nomination.pk)
    if nomination.status not in (NominationStatus.NOMINATED, NominationStatus.SELECTED, NominationStatus.NOT_SELECTED):
        raise ValidationError(_("该推荐已撤销。"))
    if select and nomination.status != NominationStatus.SELECTED:
        taken = round_.nominations.filter(status=NominationStatus.SELECTED).count()
        if taken >= round_.quota:
            raise ValidationError(_("名额（%(n)d 个）已满。") % {"n": round_.quota})
    nomination.status = NominationStatus.SELECTED if select else NominationStatus.NOT_SELECTED
    nomination.decision_note, nomination.decided_by = note.strip(), actor
    nomination.save(update_fields=["status", "decision_note", "decided_by"])
    return nomination


@transaction.atomic
def round_select_top(*, actor: Any, round_: SelectionRound) -> int:
    """Select the best scores within the quota; the rest are not selected. Returns how many were selected."""
    require(actor, round_.org, Perm.REVIEW)
    round_ = _locked_round(round_, RoundStatus.OPEN)
    live = list(round_.nominations.exclude(status=NominationStatus.WITHDRAWN).order_by("-score", "created_at", "pk"))
    for i, nomination in enumerate(live):
        nomination.status = NominationStatus.SELECTED if i < round_.quota else NominationStatus.NOT_SELECTED
        nomination.decided_by = actor
    Nomination.objects.bulk_update(live, ["status", "decided_by"])
    return min(len(live), round_.quota)


@transaction.atomic
def round_notice(*, actor: Any, round_: SelectionRound, today: dt.date | None = None) -> SelectionRound:
    require(actor, round_.org, Perm.REVIEW)
    round_ = _locked_round(round_, RoundStatus.OPEN)
    if not round_.nominations.filter(status=NominationStatus.SELECTED).exists():
        raise ValidationError(_("还没有拟选定的对象。"))
    round_.nominations.filter(status=NominationStatus.NOMINATED).update(status=NominationStatus.NOT_SELECTED)
    today = today or timezone.localdate()
    round_.status = RoundStatus.NOTICE
    round_.notice_starts, round_.notice_ends = today, today + dt.timedelta(days=round_.notice_days - 1)
    round_.save(update_fields=["status", "notice_starts", "notice_ends"])
    return round_


@transaction.atomic
def nomination_withdraw(*, actor: Any, nomination: Nomination, reason: str) -> Nomination:
    """An objection upheld during the notice: the nominee leaves the list."""
    require(actor, nomination.round.org, Perm.REVIEW)
    _locked_round(nomination.round, RoundStatus.NOTICE)
    if not reason.strip():
        raise ValidationError({"reason": _("请写明撤销原因。")})
    nomination.status, nomination.decision_note = NominationStatus.WITHDRAWN, reason.strip()
    nomination.save(update_fields=["status", "decision_note"])
    return nomination


@transaction.atomic
def round_publish(*, actor: Any, round_: SelectionRound, today: dt.date | None = None) -> int:
    """After the notice: confer the title on everyone still selected; returns how many."""
    require(actor, round_.org, Perm.REVIEW)
    round_ = _locked_round(round_, RoundStatus.NOTICE)
    today = today or timezone.localdate()
    if round_.notice_ends is None or today <= round_.notice_ends:
        raise ValidationError(_("公示期尚未结束（%(end)s）。") % {"end": round_.notice_ends})
    awarded = round_.nominations.filter(status=NominationStatus.SELECTED).update(
        status=NominationStatus.AWARDED, awarded_on=today
    )
    round_.status, round_.published_at = RoundStatus.PUBLISHED, timezone.now()
    round_.save(update_fields=["status", "published_at"])
    return awarded


# The 全员创新企业 criteria a federation starts from (it may keep its own in the round).
ENTERPRISE_CRITERIA: list[dict[str, Any]] = [
    {"key": "system", "name": "创新制度与投入", "max": 20},
    {"key": "participation", "name": "职工参与率", "max": 30},
    {"key": "results", "name": "创新成果数量与质量", "max": 30},
    {"key": "benefit", "name": "创新效益", "max": 20},
]
