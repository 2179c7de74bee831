"""Reads of the org domain. Every function takes the user and goes through the scope."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy

from gonghui.common.figures import dated_within, local_midnight, on_days
from gonghui.common.models import AuditEvent, Job
from gonghui.common.search_keys import parse_query
from gonghui.common.textnorm import compact
from gonghui.common.uscc import normalize_uscc
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import CommitteeTerm, Enterprise, OrgNode, Region, StaffRole
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for


def name_search_q(raw: str, *, code_field: str | None = None) -> Q | None:
    """Simplified/traditional characters, full pinyin or initials (SearchKeyFields), or a code prefix."""
    query = parse_query(raw)
    if query is None:
        return None
    if query.latin:
        found = Q(name_pinyin__contains=query.text) | Q(name_initials__contains=query.text)
    else:
        found = Q(name_simplified__contains=query.text)
    if code_field:
        found |= Q(**{f"{code_field}__istartswith": compact(raw)})
    return found


def set_up_q(start: dt.date | None, end: dt.date | None) -> Q:
    """Unions set up within the bounds, as the 组织建设 figures count them: by 成立日期, or by the day a union
    was registered here when that was left blank."""
    dated = dated_within("established_on", start, end)
    undated = Q(established_on__isnull=True) & on_days("created_at", start, end)
    return (Q(established_on__isnull=False) & dated) | undated


def orgs_for(
    user: Any,
    *,
    q: str = "",
    kind: str | Collection[str] = "",
    active_only: bool = False,
    under: OrgNode | None = None,
    groups: bool = True,
    set_up_from: dt.date | None = None,
    set_up_to: dt.date | None = None,
) -> QuerySet[OrgNode]:
    """Unions in scope: by name, kind (one or several), `under`'s subtree, active ones only, without 工会小组,
    set up within the bounds."""
    qs = scope_for(user).orgs().select_related("region")
    search = name_search_q(q, code_field="code")
    if search is not None:
        qs = qs.filter(search)
    kinds = [kind] if isinstance(kind, str) else list(kind)
    if any(kinds):
        qs = qs.filter(kind__in=[k for k in kinds if k])
    if not groups:
        qs = qs.exclude(kind=OrgKind.GROUP)
    if active_only:
        qs = qs.filter(is_active=True)
    if under is not None:
        qs = qs.filter(path__startswith=under.path)
    if set_up_from is not None or set_up_to is not None:
        qs = qs.filter(set_up_q(set_up_from, set_up_to))
    return qs.order_by("path")


def public_unions(q: str, *, limit: int = 20) -> list[OrgNode]:
    """The public union directory for the worker portal: active unions by name, pinyin, initials or code.

    Only what a union prints on its poster (name, kind, region, address): no staff, members or counts.
    """
    search = name_search_q(q[:50], code_field="code")
    if search is None:
        return []
    fields = ("code", "name", "kind", "address", "region__name", "path")
    return list(
        OrgNode.objects.filter(search, is_active=True)
        .select_related("region")
        .only(*fields)
        .order_by("depth", "name")[:limit]
    )


def org_roots_for(user: Any) -> list[OrgNode]:
    """The top nodes the user sees: the nodes their roles sit on (or the tree roots)."""
    scope = scope_for(user)
    if scope.everything:
        return list(OrgNode.objects.get_root_nodes().select_related("region"))
    return list(OrgNode.objects.filter(path__in=scope.paths).select_related("region").order_by("path"))


def org_get_for(user: Any, code: str, perm: Perm = Perm.VIEW) -> OrgNode:
    org: OrgNode = get_object_or_404(OrgNode.objects.select_related("region"), code=code)
    require(user, org, perm)
    return org


_NAME_WITH_CODE = re.compile(r".+[（(]\s*([a-z0-9][a-z0-9-]{1,31})\s*[)）]", re.IGNORECASE)


def orgs_pickable(user: Any, q: str, perm: Perm = Perm.VIEW, *, limit: int = 20) -> list[OrgNode]:
    """The union picker's suggestions: unions the user may act on with `perm`, by name, pinyin or code."""
    qs = scope_for(user, perm).orgs().filter(is_active=True).select_related("region")
    search = name_search_q(q[:50], code_field="code")
    if search is not None:
        qs = qs.filter(search)  # with nothing typed yet, the user's own top unions come first
    return list(qs.order_by("depth", "path")[:limit])


def org_pick_for(user: Any, text: str, perm: Perm = Perm.VIEW) -> OrgNode:
    """The union a picker field names: its code (what a suggestion fills in), else its exact full name when
    only one union in the user's scope bears it. 404 outside the scope, 403 without `perm` there."""
    text = text.strip()
    named_with_code = _NAME_WITH_CODE.fullmatch(text)  # what a suggestion fills in: 名称（code）
    if named_with_code:
        text = named_with_code.group(1)
    org = OrgNode.objects.select_related("region").filter(code=text.lower()).first()
    if org is None:
        named = list(scope_for(user).orgs().filter(name=text).select_related("region")[:2])
        if len(named) != 1:
            raise Http404
        org = named[0]
    require(user, org, perm)
    return org


def org_children_for(user: Any, org: OrgNode) -> QuerySet[OrgNode]:
    require(user, org)
    return OrgNode.objects.filter(path__startswith=org.path, depth=org.depth + 1).order_by("name")


def org_ancestors_for(user: Any, org: OrgNode) -> list[OrgNode]:
    """Breadcrumb: ancestors the user may see."""
    scope = scope_for(user)
    return [a for a in OrgNode.objects.get_ancestors(org) if scope.contains(a)]


def enterprises_for(
    user: Any, *, q: str = "", union: OrgNode | None = None, registered_by: dt.date | None = None
) -> QuerySet[Enterprise]:
    """Enterprises in scope: of `union`'s subtree, registered here by a day (建会企业 as the figures count them)."""
    qs = scope_for(user).filter(Enterprise.objects.select_related("union", "region"), "union")
    if union is not None:
        qs = qs.filter(union__path__startswith=union.path)
    if registered_by is not None:
        qs = qs.filter(created_at__lt=local_midnight(registered_by + dt.timedelta(days=1)))
    search = name_search_q(q, code_field="uscc")
    if search is not None:
        qs = qs.filter(search)
    return qs.order_by("name")


NO_SUCH_ENTERPRISE = gettext_lazy("本级工会及下级工会登记的企业中没有这个统一社会信用代码。")


def enterprise_in_scope(user: Any, raw: str, org: OrgNode, perm: Perm, *, field: str) -> Enterprise:
    """The enterprise with this 统一社会信用代码 under `org` (where `user` holds `perm`), or a field error
    that reads the same whether the code is registered elsewhere or nowhere."""
    require(user, org, perm)
    code = normalize_uscc(raw)
    enterprise = (
        Enterprise.objects.select_related("union").filter(uscc=code, union__path__startswith=org.path).first()
        if code
        else None
    )
    if enterprise is None:
        raise ValidationError({field: NO_SUCH_ENTERPRISE})
    return enterprise


def enterprise_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Enterprise:
    enterprise: Enterprise = get_object_or_404(Enterprise.objects.select_related("union", "region"), pk=pk)
    require(user, enterprise.union, perm)
    return enterprise


def terms_for_org(user: Any, org: OrgNode) -> QuerySet[CommitteeTerm]:
    require(user, org)
    return CommitteeTerm.objects.filter(org=org).prefetch_related("seats").order_by("body", "-number")


def staff_roles_for(user: Any, *, org: OrgNode | None = None) -> QuerySet[StaffRole]:
    qs = scope_for(user, Perm.STAFF_MANAGE).filter(StaffRole.objects.select_related("user", "org"))
    if org is not None:
        qs = qs.filter(org=org)
    return qs.order_by("org__path", "user__username")


def my_roles(user: Any) -> QuerySet[StaffRole]:
    return StaffRole.objects.filter(user=user).select_related("org").order_by("org__path")


def audit_events_for(user: Any, *, org: OrgNode | None = None) -> QuerySet[AuditEvent]:
    qs = scope_for(user, Perm.AUDIT_VIEW).filter(AuditEvent.objects.select_related("org"))
    if org is not None:
        qs = qs.filter(org__path__startswith=org.path)
    return qs


def jobs_for(user: Any) -> QuerySet[Job]:
    """A user's own jobs, plus jobs on orgs they administer."""
    scope = scope_for(user, Perm.STAFF_MANAGE)
    own = Q(created_by=user)
    if scope.everything:
        return Job.objects.all()
    return Job.objects.filter(own | Q(org__in=scope.orgs().values("pk")))


def job_get_for(user: Any, pk: str) -> Job:
    return get_object_or_404(jobs_for(user), pk=pk)


def regions_search(q: str, *, limit: int = 20) -> QuerySet[Region]:
    """Regions are public reference data (GB/T 2260), not union data."""
    text = q.strip()
    qs = Region.objects.all()
    if text.isdigit():
        qs = qs.filter(code__startswith=text)
    elif text:
        qs = qs.filter(name__contains=text)
    return qs.order_by("code")[:limit]


def enterprise_totals(enterprises: QuerySet[Enterprise]) -> dict[str, int]:
    """How many enterprises a list holds and their registered workers, in one query (建会企业, 建会企业职工)."""
    totals = enterprises.order_by().aggregate(n=Count("pk"), workers=Sum("employee_count"))
    return {"n": totals["n"], "workers": totals["workers"] or 0}
