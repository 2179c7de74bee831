"""Reads of the certification app, always through the scope for staff.

Pilots, batches and results belong to the enterprise's grassroots union: its certification staff see
their own, the federation above sees every pilot in its subtree.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.skills.certification.choices import level_label
from gonghui.skills.certification.models import (
    Batch,
    Candidate,
    Licence,
    PayGrade,
    PersonSkill,
    PilotEnterprise,
    SkillChange,
)


def current_level(person: Person, occupation_id: int) -> str | None:
    """The person's current certified level (a CertifiedLevel value) in the occupation, or None.

    Competitions check eligibility and mentoring reads outcomes through this function: keep its signature.
    """
    level: str | None = (
        PersonSkill.objects.filter(person=person, occupation_id=occupation_id).values_list("level", flat=True).first()
    )
    return level


def skills_of(person: Person) -> QuerySet[PersonSkill]:
    """A worker's own levels, one per occupation (我的)."""
    return PersonSkill.objects.filter(person=person).select_related("occupation", "certificate", "org")


def history_of(person: Person, occupation_id: int) -> QuerySet[SkillChange]:
    return SkillChange.objects.filter(person=person, occupation_id=occupation_id).select_related("batch", "org")


# --- staff --------------------------------------------------------------------------------------------


def pilots_for(user: Any, *, under: OrgNode | None = None, perm: Perm = Perm.VIEW) -> QuerySet[PilotEnterprise]:
    qs = scope_for(user, perm).filter(PilotEnterprise.objects.select_related("enterprise", "org", "designated_by"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    return qs.annotate(
        batch_count=Count("batches", distinct=True),
    ).order_by("org__path", "pk")


def pilot_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> PilotEnterprise:
    pilot: PilotEnterprise = get_object_or_404(
        PilotEnterprise.objects.select_related("enterprise", "org", "designated_by"), pk=pk
    )
    require(user, pilot.org, perm)
    return pilot


def licences_of(pilot: PilotEnterprise) -> QuerySet[Licence]:
    return pilot.licences.select_related("occupation").order_by("occupation__code", "-valid_from")


def licences_for(user: Any, *, under: OrgNode | None = None) -> QuerySet[Licence]:
    qs = scope_for(user).filter(
        Licence.objects.select_related("pilot__enterprise", "occupation"), org_field="pilot__org"
    )
    if under is not None:
        qs = qs.filter(pilot__org__path__startswith=under.path)
    return qs.order_by("-pk")


def pay_grades_of(pilot: PilotEnterprise) -> QuerySet[PayGrade]:
    return pilot.pay_grades.order_by("-level")


def batches_for(
    user: Any,
    *,
    under: OrgNode | None = None,
    pilot: PilotEnterprise | None = None,
    year: int | None = None,
    status: str = "",
) -> QuerySet[Batch]:
    qs = scope_for(user).filter(Batch.objects.select_related("pilot__enterprise", "occupation", "org"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if pilot is not None:
        qs = qs.filter(pilot=pilot)
    if year:
        qs = qs.filter(ends_on__year=year)
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(
        entered=Count("candidates"), passed_count=Count("candidates", filter=Q(candidates__passed=True))
    ).order_by("-pk")


def batch_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Batch:
    batch: Batch = get_object_or_404(
        Batch.objects.select_related("pilot__enterprise", "occupation", "org").prefetch_related("pilot__licences"),
        pk=pk,
    )
    require(user, batch.org, perm)
    return batch


def candidates_of(batch: Batch) -> QuerySet[Candidate]:
    return batch.candidates.select_related("person", "certificate").order_by("-pk")


def certified_for(
    user: Any,
    *,
    under: OrgNode | None = None,
    year: int | None = None,
    level: str = "",
    occupation_id: int | None = None,
    promoted: bool = False,
) -> QuerySet[Candidate]:
    """The passed candidates a figure counts (by the batch's end date), in scope: the figures' drill-down."""
    qs = scope_for(user).filter(
        Candidate.objects.filter(passed=True).select_related(
            "person", "certificate", "batch__occupation", "batch__pilot__enterprise"
        ),
        org_field="batch__org",
    )
    if under is not None:
        qs = qs.filter(batch__org__path__startswith=under.path)
    if year:
        qs = qs.filter(batch__ends_on__year=year)
    if level:
        qs = qs.filter(level=level)
    if occupation_id:
        qs = qs.filter(batch__occupation_id=occupation_id)
    if promoted:
        qs = qs.filter(promoted=True)
    return qs.order_by("-pk")


def certified_table(qs: QuerySet[Candidate]) -> list[dict[str, Any]]:
    """Counts by occupation and level (and promotions) of a drill-down's rows."""
    rows = (
        qs.order_by()
        .values("batch__occupation_id", "batch__occupation__name", "level")
        .annotate(n=Count("pk"), promoted_n=Count("pk", filter=Q(promoted=True)))
        .order_by("batch__occupation__name", "-level")
    )
    return [{**row, "label": level_label(row["level"])} for row in rows]
