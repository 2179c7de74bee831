"""Training figures for a union's subtree and a year, and their drill-down (per union, trade and month).

What is counted (口径): classes by the year they open; sessions, attendances (人次: a check-in at a session),
people (distinct trainees checked in) and trainee hours (each attendance's session hours) by the session's
date; completions by the date the certificate was issued. Draft and cancelled classes, and cancelled
sessions, count for nothing. A union's figures hold its own classes and those of every union below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth

from gonghui.events.choices import EventStatus
from gonghui.events.models import SignUp
from gonghui.orgs.models import OrgNode
from gonghui.skills.training.choices import ClassStatus
from gonghui.skills.training.models import Completion, Session, TrainingClass

ZERO = Decimal(0)
HOURS = "event__training_session__hours"


@dataclass(frozen=True)
class Totals:
    classes: int
    sessions: int
    session_hours: Decimal
    attendances: int
    people: int
    trainee_hours: Decimal
    completions: int


def counted_classes(where: Q) -> QuerySet[TrainingClass]:
    """Classes that count (published; a cancelled class's sessions were cancelled with it), `where` over them."""
    return TrainingClass.objects.filter(where, status=ClassStatus.PUBLISHED)


def counted_attendances(where: Q, year: int) -> QuerySet[SignUp]:
    """Check-ins at the sessions of counted classes (`where` over the class) held in the year."""
    return SignUp.objects.filter(
        checked_in_at__isnull=False,
        event__starts_at__year=year,
        event__training_session__klass__in=counted_classes(where).values("pk"),
    ).exclude(event__status=EventStatus.CANCELLED)


def totals(where: Q, year: int) -> Totals:
    """`where` is a Q over TrainingClass (the unions whose classes count)."""
    classes = counted_classes(where)
    sessions = (
        Session.objects.filter(klass__in=classes.values("pk"), event__starts_at__year=year)
        .exclude(event__status=EventStatus.CANCELLED)
        .aggregate(n=Count("pk"), h=Sum("hours"))
    )
    came = counted_attendances(where, year).aggregate(
        n=Count("pk"), people=Count("person", distinct=True), h=Sum(HOURS)
    )
    return Totals(
        classes=classes.filter(starts_on__year=year).count(),
        sessions=sessions["n"],
        session_hours=sessions["h"] or ZERO,
        attendances=came["n"],
        people=came["people"],
        trainee_hours=came["h"] or ZERO,
        completions=Completion.objects.filter(klass__in=classes.values("pk"), created_at__year=year).count(),
    )


def subtree(org: OrgNode) -> Q:
    return Q(org__path__startswith=org.path)


@dataclass(frozen=True)
class Row:
    label: str
    attendances: int
    people: int
    hours: Decimal
    code: str = ""  # a union's code, for the link one level down


def by_union(where: Q, year: int, parent: OrgNode | None, children: list[OrgNode], own_label: str) -> list[Row]:
    """The parent's own classes, then each child's subtree: one query, an aggregate per union."""
    qs = counted_attendances(where, year)
    groups: list[tuple[str, str, Q]] = []
    if parent is not None:
        groups.append((own_label, parent.code, Q(event__training_session__klass__org=parent)))
    groups += [(c.name, c.code, Q(event__training_session__klass__org__path__startswith=c.path)) for c in children]
    aggregates: dict[str, Any] = {}
    for i, (_label, _code, q) in enumerate(groups):
        aggregates |= {
            f"n{i}": Count("pk", filter=q),
            f"p{i}": Count("person", filter=q, distinct=True),
            f"h{i}": Sum(HOURS, filter=q),
        }
    found = qs.aggregate(**aggregates)
    rows = [
        Row(label, found[f"n{i}"], found[f"p{i}"], found[f"h{i}"] or ZERO, code)
        for i, (label, code, _q) in enumerate(groups)
    ]
    return [r for r in rows if r.attendances]


def by_trade(where: Q, year: int, no_trade: str) -> list[Row]:
    rows = (
        counted_attendances(where, year)
        .values("event__training_session__klass__course__occupation__name")
        .annotate(n=Count("pk"), people=Count("person", distinct=True), h=Sum(HOURS))
        .order_by("-n")
    )
    key = "event__training_session__klass__course__occupation__name"
    return [Row(r[key] or no_trade, r["n"], r["people"], r["h"] or ZERO) for r in rows]


def by_month(where: Q, year: int) -> list[Row]:
    rows = (
        counted_attendances(where, year)
        .annotate(month=ExtractMonth("event__starts_at"))
        .values("month")
        .annotate(n=Count("pk"), people=Count("person", distinct=True), h=Sum(HOURS))
        .order_by("month")
    )
    return [Row(f"{year}-{r['month']:02d}", r["n"], r["people"], r["h"] or ZERO) for r in rows]
