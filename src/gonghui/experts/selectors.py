"""Reads of the help desk, through the scope; overdue needs are those past their due date and still open."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.common.figures import local_midnight, on_days
from gonghui.experts.choices import OPEN_NEED_STATUSES
from gonghui.experts.models import Dispatch, Expert, Need
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for


def with_overdue(qs: QuerySet[Need]) -> QuerySet[Need]:
    today = timezone.localdate()
    return qs.annotate(
        overdue=Case(
            When(status__in=OPEN_NEED_STATUSES, due_on__lt=today, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def needs_for(
    user: Any,
    *,
    status: str = "",
    overdue: bool = False,
    q: str = "",
    under: OrgNode | None = None,
    year: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    dated: str = "",
) -> QuerySet[Need]:
    """Needs in scope; status "open_any" means any status still being worked on. `under` narrows to a union's
    subtree, `year` to the needs posted that year; `start`/`end` (inclusive) bound the day named by `dated`, as
    the 助企行 figures count a period: "posted" (the default) the need was posted, "closed" it was closed, "open"
    the needs still open at the end of `end` (posted by then, not closed by then)."""
    qs = scope_for(user).filter(Need.objects.select_related("org", "enterprise"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if year:
        qs = qs.filter(posted_at__year=year)
    qs = qs.filter(_dated(dated, start, end))
    if status == "open_any":
        qs = qs.filter(status__in=OPEN_NEED_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    if overdue:
        qs = qs.filter(status__in=OPEN_NEED_STATUSES, due_on__lt=timezone.localdate())
    if q.strip():
        qs = qs.filter(Q(title__contains=q.strip()) | Q(enterprise__name__contains=q.strip()))
    return with_overdue(qs).order_by("-pk")


def _dated(dated: str, start: dt.date | None, end: dt.date | None) -> Q:
    """The needs whose day named by `dated` falls within start/end (see needs_for); the days are local ones."""
    after = local_midnight(end + dt.timedelta(days=1)) if end is not None else None
    if dated == "open":  # as the needs_open figure: a stock at the end of `end` (today's without one), no start
        if after is None:
            return Q(status__in=OPEN_NEED_STATUSES)
        return Q(posted_at__lt=after) & (Q(status__in=OPEN_NEED_STATUSES) | Q(closed_at__gte=after))
    return on_days("closed_at" if dated == "closed" else "posted_at", start, end)


def need_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Need:
    need = get_object_or_404(with_overdue(Need.objects.select_related("org", "enterprise__region")), pk=pk)
    require(user, need.org, perm)
    return need


def experts_for(user: Any, *, q: str = "", available: bool | None = None) -> QuerySet[Expert]:
    qs = scope_for(user).filter(Expert.objects.select_related("person", "org", "region", "employer"))
    if available is not None:
        qs = qs.filter(available=available)
    if q.strip():
        qs = qs.filter(Q(person__name__startswith=q.strip()) | Q(specialties__icontains=q.strip()))
    return qs.order_by("org_id", "pk")


def expert_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Expert:
    expert = get_object_or_404(Expert.objects.select_related("person", "org", "region"), pk=pk)
    require(user, expert.org, perm)
    return expert


def dispatch_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Dispatch:
    dispatch = get_object_or_404(Dispatch.objects.select_related("need__org", "expert__person"), pk=pk)
    require(user, dispatch.need.org, perm)
    return dispatch


def enterprises_of_contact(mobile_hmac: str) -> QuerySet[Enterprise]:
    """The enterprises whose contact phone on record is this (proven) number."""
    return Enterprise.objects.filter(contact_phone_hmac=mobile_hmac).select_related("union")


def needs_of_enterprises(enterprises: QuerySet[Enterprise]) -> QuerySet[Need]:
    """What an enterprise's contact sees on the portal: their enterprises' needs only."""
    needs = Need.objects.filter(enterprise__in=enterprises).select_related("org", "enterprise")
    return with_overdue(needs).order_by("-pk")
