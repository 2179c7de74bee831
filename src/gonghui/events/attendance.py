"""Attendance of an event: who came, per union and per category; the masked list for export."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.events.choices import ScanOutcome, VisitorCategory
from gonghui.events.models import Event, Scan, SignUp
from gonghui.members.choices import EmploymentForm


@dataclass(frozen=True)
class Attendance:
    signed_up: int
    checked_in: int
    walk_ins_with_card: int
    walk_ins_without_card: int
    by_union: list[tuple[str, int, int]]  # union name, signed up, came
    by_category: list[tuple[str, int]]  # category label, came

    @property
    def came(self) -> int:
        return self.checked_in + self.walk_ins_without_card


def _label(category: str) -> str:
    if category in EmploymentForm.values:
        return str(EmploymentForm(category).label)
    if category in VisitorCategory.values:
        return str(VisitorCategory(category).label)
    return _("未注明")


def attendance_of(event: Event) -> Attendance:
    signups = SignUp.objects.filter(event=event).exclude(status__in=["cancelled", "lapsed", "waiting"])
    totals = signups.aggregate(
        signed_up=Count("pk", filter=~Q(status="walk_in")),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        walk_ins=Count("pk", filter=Q(status="walk_in")),
    )
    anonymous = Scan.objects.filter(event=event, outcome=ScanOutcome.WALK_IN, signup__isnull=True)
    by_union = [
        (row["org__name"] or _("未注明"), row["n"], row["came"])
        for row in signups.values("org__name")
        .annotate(n=Count("pk", filter=~Q(status="walk_in")), came=Count("pk", filter=Q(checked_in_at__isnull=False)))
        .order_by("-came", "org__name")
    ]
    categories: dict[str, int] = {}
    for row in signups.filter(checked_in_at__isnull=False).values("category").annotate(n=Count("pk")):
        categories[_label(row["category"])] = categories.get(_label(row["category"]), 0) + row["n"]
    for row in anonymous.values("category").annotate(n=Count("pk")):
        categories[_label(row["category"])] = categories.get(_label(row["category"]), 0) + row["n"]
    return Attendance(
        signed_up=totals["signed_up"],
        checked_in=totals["checked_in"],
        walk_ins_with_card=totals["walk_ins"],
        walk_ins_without_card=anonymous.count(),
        by_union=by_union,
        by_category=sorted(categories.items(), key=lambda kv: -kv[1]),
    )


def attendance_rows(event: Event) -> list[list[str]]:
    """The list for the organiser's export: names, unions, masked mobiles; never an ID number."""
    rows = []
    signups = (
        SignUp.objects.filter(event=event)
        .exclude(status__in=["cancelled", "lapsed"])
        .select_related("person", "org", "team")
        .order_by("pk")
    )
    for s in signups:
        rows.append(
            [
                s.person.name,
                s.person.mobile.masked() if s.person.mobile else "",
                s.org.name if s.org else "",
                s.team.name if s.team else "",
                s.get_status_display(),
                _label(s.category) if s.category else "",
                _local(s.checked_in_at),
                _local(s.checked_out_at),
            ]
        )
    anonymous = Scan.objects.filter(event=event, outcome=ScanOutcome.WALK_IN, signup__isnull=True).order_by("pk")
    for scan in anonymous:  # walk-ins without a card: counted on the page, so listed (without a name) here too
        rows.append(
            [
                _("（现场登记）"),
                "",
                "",
                "",
                str(ScanOutcome.WALK_IN.label),
                _label(scan.category),
                _local(scan.scanned_at),
                "",
            ]
        )
    return rows


def _local(moment: dt.datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""
