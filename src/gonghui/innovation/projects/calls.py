"""Opening a 五小 call (申报批次) with its own rubric, and the recommendation quotas of the unions under it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.innovation.models import CallQuota, InnovationCall, Rubric, RubricCriterion
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

DEFAULT_CRITERIA = "创新性 30\n实用性 30\n经济效益 25\n推广价值 15"


@dataclass
class CallTerms:
    title: str
    year: int
    opens_on: dt.date
    closes_on: dt.date
    criteria: str = DEFAULT_CRITERIA  # one per line: name and maximum points
    min_reviewers: int = 3
    first_prizes: int = 1
    second_prizes: int = 2
    third_prizes: int = 3
    merit_score: Decimal = Decimal(60)
    notice_days: int = 7


def parse_criteria(text: str) -> list[tuple[str, Decimal]]:
    """ "创新性 30" per line → [(name, max points)], or a Chinese error naming the bad line."""
    criteria: list[tuple[str, Decimal]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = clean_text(line)
        if not line:
            continue
        name, _sep, points = line.rpartition(" ")
        try:
            value = Decimal(points)
        except InvalidOperation:
            value = Decimal(0)
        if not name.strip() or value <= 0:
            raise ValidationError({"criteria": _("第 %(n)d 行应为“评分项 满分”，如“创新性 30”。") % {"n": number}})
        criteria.append((name.strip()[:50], value))
    if not criteria:
        raise ValidationError({"criteria": _("请至少填写一个评分项。")})
    return criteria


@transaction.atomic
def call_open(*, actor: Any, org: OrgNode, terms: CallTerms) -> InnovationCall:
    """A federation opens a call; the rubric is its own, written from the criteria lines."""
    require(actor, org, Perm.REVIEW)
    if terms.closes_on < terms.opens_on:
        raise ValidationError({"closes_on": _("截止日期不能早于开始日期。")})
    if not clean_text(terms.title):
        raise ValidationError({"title": _("请填写名称。")})
    criteria = parse_criteria(terms.criteria)
    rubric = Rubric.objects.create(org=org, name=_("%(title)s评分细则") % {"title": clean_text(terms.title)[:80]})
    RubricCriterion.objects.bulk_create(
        RubricCriterion(rubric=rubric, name=name, max_points=points, sort=i)
        for i, (name, points) in enumerate(criteria)
    )
    call = InnovationCall.objects.create(
        org=org,
        rubric=rubric,
        title=clean_text(terms.title),
        year=terms.year,
        opens_on=terms.opens_on,
        closes_on=terms.closes_on,
        min_reviewers=terms.min_reviewers,
        first_prizes=terms.first_prizes,
        second_prizes=terms.second_prizes,
        third_prizes=terms.third_prizes,
        merit_score=terms.merit_score,
        notice_days=terms.notice_days,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=call, org=org)
    return call


@transaction.atomic
def call_quota_set(*, actor: Any, call: InnovationCall, org: OrgNode, quota: int | None) -> CallQuota | None:
    """How many projects `org` may forward in this call; None lifts the limit."""
    require(actor, call.org, Perm.REVIEW)
    if not org.path.startswith(call.org.path):
        raise ValidationError({"org": _("%(org)s不在本批次的申报范围内。") % {"org": org.name}})
    if quota is None:
        CallQuota.objects.filter(call=call, org=org).delete()
        return None
    if quota < 0:
        raise ValidationError({"quota": _("名额不能为负数。")})
    found, _created = CallQuota.objects.update_or_create(call=call, org=org, defaults={"quota": quota})
    return found
