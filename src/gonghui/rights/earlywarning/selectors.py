"""Reads of 劳动关系预警 and 法治体检. Levels, warnings, entries and check-ups are case rows: only the rights
staff of the enterprise's union or above see them (rights.base.access.rights_rows); detail reads are audited
by the views. Cadres without the rights role see the figures (counts), never these rows."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from gonghui.accounts.models import User
from gonghui.common.uscc import normalize_uscc
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for
from gonghui.orgs.selectors import name_search_q
from gonghui.rights.base.access import can_handle, require_rights, rights_rows
from gonghui.rights.earlywarning.choices import RectStatus, WarningLevel, WarningStatus
from gonghui.rights.earlywarning.models import (
    ChecklistItem,
    Checkup,
    EarlyWarning,
    EnterpriseLevel,
    IndicatorEntry,
    RecomputeRun,
    Rectification,
    Scheme,
)


def _under(qs: QuerySet[Any], under: OrgNode | None) -> QuerySet[Any]:
    return qs.filter(org__path__startswith=under.path) if under is not None else qs


def levels_for(user: User, *, under: OrgNode | None = None, level: str = "", q: str = "") -> QuerySet[EnterpriseLevel]:
    qs = _under(rights_rows(user, EnterpriseLevel.objects.select_related("enterprise", "org"), "org"), under)
    if level in WarningLevel.values:
        qs = qs.filter(level=level)
    search = name_search_q(q, code_field="uscc")
    if search is not None:
        qs = qs.filter(enterprise__in=Enterprise.objects.filter(search).values("pk"))
    return qs.order_by("-score", "enterprise__name", "pk")


def level_counts(user: User, *, under: OrgNode | None = None) -> dict[str, int]:
    rows = (
        _under(rights_rows(user, EnterpriseLevel.objects.all(), "org"), under).values("level").annotate(n=Count("pk"))
    )
    counts = {level: 0 for level in WarningLevel.values}
    counts.update({r["level"]: r["n"] for r in rows.order_by()})
    return counts


def warnings_for(
    user: User, *, under: OrgNode | None = None, status: str = "", level: str = ""
) -> QuerySet[EarlyWarning]:
    qs = rights_rows(user, EarlyWarning.objects.select_related("enterprise", "org", "assignee"), "org")
    qs = _under(qs, under).annotate(n_actions=Count("actions"))
    if status in WarningStatus.values:
        qs = qs.filter(status=status)
    if level in (WarningLevel.ORANGE, WarningLevel.RED):
        qs = qs.filter(level=level)
    return qs.order_by("status", "-level", "-opened_at", "-pk")


def warning_get_for(user: User, pk: int) -> EarlyWarning:
    warning: EarlyWarning = get_object_or_404(
        EarlyWarning.objects.select_related("enterprise__region", "org", "assignee", "closed_by"), pk=pk
    )
    require_rights(user, warning.org)
    return warning


def level_of(enterprise_id: int) -> EnterpriseLevel | None:
    return EnterpriseLevel.objects.filter(enterprise_id=enterprise_id).select_related("scheme__org").first()


def entries_for(user: User, *, under: OrgNode | None = None, kind: str = "") -> QuerySet[IndicatorEntry]:
    qs = _under(
        rights_rows(user, IndicatorEntry.objects.select_related("enterprise", "org", "entered_by"), "org"), under
    )
    return (qs.filter(kind=kind) if kind else qs).order_by("-as_of", "-pk")


def checkups_for(user: User, *, under: OrgNode | None = None, year: int | None = None) -> QuerySet[Checkup]:
    qs = _under(rights_rows(user, Checkup.objects.select_related("enterprise", "org"), "org"), under)
    if year:
        qs = qs.filter(visited_on__year=year)
    return qs.annotate(
        n_items=Count("rectifications", distinct=True),
        n_open=Count("rectifications", filter=Q(rectifications__status=RectStatus.OPEN), distinct=True),
    ).order_by("-visited_on", "-pk")


def checkup_get_for(user: User, pk: int) -> Checkup:
    checkup: Checkup = get_object_or_404(Checkup.objects.select_related("enterprise__region", "org"), pk=pk)
    require_rights(user, checkup.org)
    return checkup


def rectifications_for(
    user: User, *, under: OrgNode | None = None, status: str = "", closed_year: int | None = None
) -> QuerySet[Rectification]:
    qs = rights_rows(
        user, Rectification.objects.select_related("checkup__enterprise", "checkup__org", "finding"), "checkup__org"
    )
    if under is not None:
        qs = qs.filter(checkup__org__path__startswith=under.path)
    if status in RectStatus.values:
        qs = qs.filter(status=status)
    if closed_year:
        qs = qs.filter(closed_on__year=closed_year)
    return qs.order_by("status", "deadline", "pk")


def schemes_for(user: User) -> QuerySet[Scheme]:
    return rights_rows(user, Scheme.objects.select_related("org", "updated_by"), "org").order_by("org__path")


def scheme_get_for(user: User, pk: int) -> Scheme:
    scheme: Scheme = get_object_or_404(Scheme.objects.select_related("org"), pk=pk)
    require_rights(user, scheme.org)
    return scheme


def checklist_items_for(user: User) -> QuerySet[ChecklistItem]:
    return rights_rows(user, ChecklistItem.objects.select_related("org"), "org").order_by("org__path", "sort", "pk")


def checklist_item_get_for(user: User, pk: int) -> ChecklistItem:
    item: ChecklistItem = get_object_or_404(ChecklistItem.objects.select_related("org"), pk=pk)
    require_rights(user, item.org)
    return item


def last_run() -> RecomputeRun | None:
    return RecomputeRun.objects.filter(finished_at__isnull=False).first()


def rights_paths(user: User) -> list[str] | None:
    """What a cadre's recompute covers: the subtrees they hold the rights role on (None: everything)."""
    scope = scope_for(user, Perm.RIGHTS)
    return None if scope.everything else list(scope.paths)


def enterprise_for_rights(
    user: User, *, uscc: str = "", pk: int | None = None, field: str = "enterprise"
) -> Enterprise:
    """An enterprise in the user's rights scope, by 统一社会信用代码 or id; one Chinese reason for an unknown
    code and for one outside the scope (so the answer does not tell which)."""
    qs = Enterprise.objects.select_related("union", "region")
    found = qs.filter(pk=pk).first() if pk is not None else qs.filter(uscc=normalize_uscc(uscc)).first()
    if found is None or not can_handle(user, found.union):
        raise ValidationError({field: _no_such()})
    return found


def _no_such() -> str:
    from django.utils.translation import gettext as _

    return _("您的维权工作范围内没有这家企业（请核对统一社会信用代码）。")


def rights_cadres_for(org: OrgNode) -> QuerySet[User]:
    """Staff who may handle a warning of `org` (the rights role on it or above), for the assignee picker."""
    from django.contrib.auth import get_user_model

    from gonghui.orgs.models import StaffRole, paths_up
    from gonghui.orgs.roles import roles_with

    holders = StaffRole.objects.filter(org__path__in=paths_up(org.path), role__in=roles_with(Perm.RIGHTS))
    users: QuerySet[User] = get_user_model().objects.filter(pk__in=holders.values("user_id"), is_active=True)
    return users.order_by("username")
