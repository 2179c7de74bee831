"""Reads of 欠薪治理. Report rows only for the rights role of the report's union, every detail read audited;
a worker reads their own reports; drives and counts for any staff of the subtree; an enterprise's record;
arrears_counts for the early warning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Sum
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.common.figures import dated_within
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.rights.arrears.choices import CLOSED, OPEN, ArrearsStage
from gonghui.rights.arrears.models import Drive, Report
from gonghui.rights.base.access import case_read, require_rights, rights_rows


@dataclass(frozen=True)
class ReportFilters:
    stage: str = ""
    route: str = ""
    source: str = ""
    overdue: bool = False
    q: str = ""
    under: OrgNode | None = None
    year: int | None = None
    drive_id: int | None = None
    enterprise_id: int | None = None
    start: dt.date | None = None  # received on or after
    end: dt.date | None = None  # received on or before
    accepted: bool = False  # accepted ones only, as the figures count them


def reports_for(user: User, filters: ReportFilters | None = None) -> QuerySet[Report]:
    f = filters or ReportFilters()
    qs = rights_rows(user, Report.objects.select_related("org", "drive"))
    if f.stage:
        qs = qs.filter(stage=f.stage)
    if f.route:
        qs = qs.filter(route=f.route)
    if f.source:
        qs = qs.filter(source=f.source)
    if f.overdue:
        qs = qs.filter(deadline__lt=timezone.localdate()).exclude(stage__in=CLOSED)
    if f.q:
        qs = qs.filter(enterprise_name__contains=f.q[:50])
    if f.under is not None:
        qs = qs.filter(org__path__startswith=f.under.path)
    if f.year:
        qs = qs.filter(received_on__year=f.year)
    qs = qs.filter(dated_within("received_on", f.start, f.end))
    if f.accepted:
        qs = qs.filter(ACCEPTED)
    if f.drive_id:
        qs = qs.filter(drive_id=f.drive_id)
    if f.enterprise_id:
        qs = qs.filter(enterprise_id=f.enterprise_id)
    return qs.order_by("-pk")


def report_get_for(user: User, pk: int, *, request: HttpRequest | None = None, audit: bool = True) -> Report:
    report: Report = get_object_or_404(
        Report.objects.select_related("org", "enterprise", "drive", "reporter", "dispute"), pk=pk
    )
    require_rights(user, report.org)
    if audit:
        case_read(user, report, report.org, request)
    return report


def reports_of(person: Person) -> QuerySet[Report]:
    return Report.objects.filter(reporter=person).select_related("org", "dispute").order_by("-pk")


def report_of(person: Person, pk: int) -> Report:
    report: Report = get_object_or_404(reports_of(person), pk=pk)
    return report


# --- drives and counts (numbers only: any staff of the subtree) -------------------------------------


@dataclass
class Progress:
    reports: int = 0
    owed: Decimal = Decimal(0)
    recovered: Decimal = Decimal(0)
    workers: int = 0
    closed: int = 0
    mediated: int = 0

    def percent_of(self, target: Decimal) -> float | None:
        return round(float(100 * self.recovered / target), 1) if target else None


ACCEPTED = ~Q(stage__in=[ArrearsStage.REPORTED, ArrearsStage.REJECTED])


def progress(rows: QuerySet[Report]) -> Progress:
    """Reports handled (accepted), owed, recovered, workers affected, closed, sent to mediation: one query."""
    found = rows.filter(ACCEPTED).aggregate(
        reports=Count("pk"),
        owed=Sum("amount_owed"),
        recovered=Sum("amount_recovered"),
        workers=Sum("workers_affected"),
        closed=Count("pk", filter=Q(stage=ArrearsStage.VISITED)),
        mediated=Count("pk", filter=Q(dispute__isnull=False)),
    )
    return Progress(
        reports=found["reports"],
        owed=found["owed"] or Decimal(0),
        recovered=found["recovered"] or Decimal(0),
        workers=found["workers"] or 0,
        closed=found["closed"],
        mediated=found["mediated"],
    )


def drives_for(user: User) -> QuerySet[Drive]:
    return scope_for(user).filter(Drive.objects.select_related("org")).order_by("-starts_on", "-pk")


def drive_get_for(user: User, pk: int) -> Drive:
    drive: Drive = get_object_or_404(Drive.objects.select_related("org"), pk=pk)
    require(user, drive.org)
    return drive


def drive_progress(drive: Drive) -> Progress:
    return progress(Report.objects.filter(drive=drive))


def in_scope(user: User, year: int, under: OrgNode | None = None) -> QuerySet[Report]:
    rows = scope_for(user).filter(Report.objects.filter(received_on__year=year))
    return rows.filter(org__path__startswith=under.path) if under is not None else rows


def by_route(rows: QuerySet[Report]) -> dict[str, int]:
    return {r["route"]: r["n"] for r in rows.filter(ACCEPTED).values("route").annotate(n=Count("pk")).order_by()}


def can_see_rows(user: User) -> bool:
    return not scope_for(user, Perm.RIGHTS).is_empty


# --- the early warning ----------------------------------------------------------------------------


def arrears_counts(since: dt.date) -> dict[int, tuple[int, Decimal]]:
    """enterprise id → (open reports, amount still owed on them) over the reports received since `since`
    that are not closed (回访 done, or not accepted): one GROUP BY, for the early warning."""
    rows = (
        Report.objects.filter(received_on__gte=since, enterprise__isnull=False, stage__in=list(OPEN))
        .values("enterprise_id")
        .annotate(n=Count("pk"), owed=Sum(F("amount_owed") - F("amount_recovered")))
        .order_by()
    )
    return {r["enterprise_id"]: (r["n"], r["owed"] or Decimal(0)) for r in rows}
