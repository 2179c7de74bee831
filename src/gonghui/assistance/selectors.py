"""Reads of hardship files, always through the scope; every file view is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.assistance.choices import FileStatus
from gonghui.assistance.models import HardshipFile, HomeVisit
from gonghui.common.audit import audit_record
from gonghui.common.figures import dated_within, on_days
from gonghui.common.models import AuditAction
from gonghui.members import selectors as member_selectors
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for


def opened_q() -> Q:
    """Files opened once (建档), closed since or not."""
    return Q(status__in=[FileStatus.OPEN, FileStatus.CLOSED], opened_on__isnull=False)


def on_file_q(day: dt.date) -> Q:
    """Households on file at the end of `day` (在档): opened by then, not closed by then; one that fell back and
    reopened has no closing day and counts as on file throughout."""
    return opened_q() & Q(opened_on__lte=day) & (Q(closed_on__isnull=True) | Q(closed_on__gt=day))


def closed_q() -> Q:
    """Files closed (解困脱困) and still closed."""
    return Q(status=FileStatus.CLOSED, closed_on__isnull=False)


def files_for(
    user: Any,
    *,
    status: str = "",
    category: str = "",
    q: str = "",
    under: OrgNode | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    dated: str = "applied",
    on_file: dt.date | None = None,
) -> QuerySet[HardshipFile]:
    """Files under the user's ASSISTANCE roles (帮扶专员, 管理员); nobody else sees any. `under` narrows to a
    union's subtree; `start`/`end` bound the day named by `dated`, as the 帮扶救助 figures count a period:
    "applied" the application was registered (建档申请), "opened" the file was first opened (closed since or
    not), "closed" it was closed (and is still closed), "visited" a home visit was made (入户走访); `on_file`, the
    households on file at the end of that day (在档)."""
    files = scope_for(user, Perm.ASSISTANCE).filter(HardshipFile.objects.select_related("org", "person"))
    if under is not None:
        files = files.filter(org__path__startswith=under.path)
    files = files.filter(_dated_q(dated, start, end))
    if on_file is not None:
        files = files.filter(on_file_q(on_file))
    if status == "recheck_due":
        files = files.filter(status=FileStatus.OPEN, recheck_due__lte=timezone.localdate())
    elif status == "fell_back":
        files = files.filter(times_reopened__gt=0)
    elif status:
        files = files.filter(status=status)
    if category:
        files = files.filter(category=category)
    if q:
        files = files.filter(Q(person__name__contains=q) | Q(person__name_pinyin__startswith=q.lower()))
    return files.order_by("-created_at", "-pk")


def _dated_q(dated: str, start: dt.date | None, end: dt.date | None) -> Q:
    if dated == "opened":
        return opened_q() & dated_within("opened_on", start, end)
    if dated == "closed":
        return closed_q() & dated_within("closed_on", start, end)
    if dated == "visited":
        return Q(pk__in=visits_in(start, end).values("file_id"))
    return on_days("created_at", start, end)


def visits_in(start: dt.date | None, end: dt.date | None) -> QuerySet[HomeVisit]:
    """Home visits made between the days (入户走访, as the figures count them)."""
    return HomeVisit.objects.filter(dated_within("visited_on", start, end))


def visits_to(files: QuerySet[HardshipFile], start: dt.date | None, end: dt.date | None) -> int:
    """How many visits the listed files had between the days: the count the 入户走访 figure states."""
    return visits_in(start, end).filter(file__in=files.order_by().values("pk")).count()


def file_get_for(user: Any, pk: int, *, request: HttpRequest | None = None) -> HardshipFile:
    """One file; 404 outside the user's view, 403 without ASSISTANCE; the read is audited."""
    file = get_object_or_404(HardshipFile.objects.select_related("org", "person", "employer"), pk=pk)
    require(user, file.org, Perm.ASSISTANCE)
    audit_record(actor=user, action=AuditAction.VIEW_SENSITIVE, target=file, org=file.org, request=request)
    return file


def applicant_in_scope(user: Any, raw: str, org: OrgNode) -> Person:
    """The householder a cadre files for: a member under `org`, or a migrant worker in no union at all."""
    return member_selectors.person_in_scope(user, raw, org, Perm.ASSISTANCE, migrant_ok=True)
