"""Reads of hardship files, always through the scope; every file view is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.assistance.choices import FileStatus
from gonghui.assistance.models import HardshipFile
from gonghui.common.audit import audit_record
from gonghui.common.figures import local_midnight
from gonghui.common.models import AuditAction
from gonghui.members import selectors as member_selectors
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for


def files_for(
    user: Any,
    *,
    status: str = "",
    category: str = "",
    q: str = "",
    under: OrgNode | None = None,
    applied_from: dt.date | None = None,
    applied_to: dt.date | None = None,
) -> QuerySet[HardshipFile]:
    """Files under the user's ASSISTANCE roles (帮扶专员, 管理员); nobody else sees any. `under` narrows to a
    union's subtree, `applied_from`/`applied_to` to the days the applications were registered (建档申请)."""
    files = scope_for(user, Perm.ASSISTANCE).filter(HardshipFile.objects.select_related("org", "person"))
    if under is not None:
        files = files.filter(org__path__startswith=under.path)
    if applied_from is not None:
        files = files.filter(created_at__gte=local_midnight(applied_from))
    if applied_to is not None:
        files = files.filter(created_at__lt=local_midnight(applied_to + dt.timedelta(days=1)))
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


def file_get_for(user: Any, pk: int, *, request: HttpRequest | None = None) -> HardshipFile:
    """One file; 404 outside the user's view, 403 without ASSISTANCE; the read is audited."""
    file = get_object_or_404(HardshipFile.objects.select_related("org", "person", "employer"), pk=pk)
    require(user, file.org, Perm.ASSISTANCE)
    audit_record(actor=user, action=AuditAction.VIEW_SENSITIVE, target=file, org=file.org, request=request)
    return file


def applicant_in_scope(user: Any, raw: str, org: OrgNode) -> Person:
    """The householder a cadre files for: a member under `org`, or a migrant worker in no union at all."""
    return member_selectors.person_in_scope(user, raw, org, Perm.ASSISTANCE, migrant_ok=True)
