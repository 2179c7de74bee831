"""Reads of 法律援助. Staff read rows only through the rights role (rights_rows: the case's union or the
helping union), and every detail is read-audited; a worker reads their own; a lawyer reads the cases
assigned to them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from gonghui.accounts.models import User, UserKind
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.rights.base.access import case_read, rights_rows
from gonghui.rights.legalaid.access import require_case, require_consultation
from gonghui.rights.legalaid.choices import OPEN_STATUSES
from gonghui.rights.legalaid.models import CaseStep, Consultation, LegalAidCase
from gonghui.rights.legalaid.reminders import overdue_q


@dataclass
class CaseFilters:
    under: OrgNode | None = None
    status: str = ""
    topic: str = ""
    year: int | None = None
    overdue: bool = False
    q: str = ""


def cases_for(user: User, filters: CaseFilters | None = None) -> QuerySet[LegalAidCase]:
    f = filters or CaseFilters()
    qs = rights_rows(
        user,
        LegalAidCase.objects.select_related("org", "helping_org", "person", "provider"),
        "org",
        "helping_org",
    )
    if f.under is not None:
        qs = qs.filter(Q(org__path__startswith=f.under.path) | Q(helping_org__path__startswith=f.under.path))
    if f.status:
        qs = qs.filter(status=f.status)
    if f.topic:
        qs = qs.filter(topic=f.topic)
    if f.year:
        qs = qs.filter(applied_on__year=f.year)
    if f.overdue:
        qs = qs.filter(overdue_q(), status__in=OPEN_STATUSES)
    if f.q.strip():
        text = f.q.strip()
        qs = qs.filter(Q(person__name__startswith=text) | Q(employer_name__contains=text))
    return qs.order_by("-id")


def _case(pk: int) -> LegalAidCase:
    case: LegalAidCase = get_object_or_404(
        LegalAidCase.objects.select_related(
            "org", "helping_org", "person", "provider__org", "employer", "hardship_file", "source_consultation"
        ),
        pk=pk,
    )
    return case


def case_get_for(user: User, pk: int, request: HttpRequest | None = None) -> LegalAidCase:
    """One case for the rights staff of a union it involves (403/404 otherwise); the read is audited."""
    case = _case(pk)
    require_case(user, case)
    case_read(user, case, case.org, request)
    return case


def steps_of(case: LegalAidCase) -> list[CaseStep]:
    return list(case.steps.select_related("by"))


@dataclass
class ConsultationFilters:
    under: OrgNode | None = None
    channel: str = ""
    topic: str = ""
    year: int | None = None
    follow_up: str = ""


def consultations_for(user: User, filters: ConsultationFilters | None = None) -> QuerySet[Consultation]:
    f = filters or ConsultationFilters()
    qs = rights_rows(user, Consultation.objects.select_related("org", "person", "station", "case"), "org")
    if f.under is not None:
        qs = qs.filter(org__path__startswith=f.under.path)
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if f.topic:
        qs = qs.filter(topic=f.topic)
    if f.year:
        qs = qs.filter(asked_at__year=f.year)
    if f.follow_up:
        qs = qs.filter(follow_up=f.follow_up)
    return qs.order_by("-id")


def consultation_get_for(user: User, pk: int, request: HttpRequest | None = None) -> Consultation:
    consultation: Consultation = get_object_or_404(
        Consultation.objects.select_related("org", "person", "station", "appointment__provider", "case"), pk=pk
    )
    require_consultation(user, consultation)
    case_read(user, consultation, consultation.org, request)
    return consultation


# --- the worker's own -----------------------------------------------------------------------------


def consultations_of(person: Person) -> QuerySet[Consultation]:
    return Consultation.objects.filter(person=person).select_related("org").order_by("-asked_at", "-id")


def cases_of(person: Person) -> QuerySet[LegalAidCase]:
    return LegalAidCase.objects.filter(person=person).select_related("org", "provider").order_by("-id")


# --- the lawyer's own -----------------------------------------------------------------------------


def lawyer_cases(user: User) -> QuerySet[LegalAidCase]:
    """The cases assigned to this provider account (any of its provider rows); nothing for anyone else."""
    if getattr(user, "kind", None) != UserKind.PROVIDER:
        return LegalAidCase.objects.none()
    return LegalAidCase.objects.filter(provider__user=user).select_related("org", "person", "provider").order_by("-id")


def lawyer_case(user: User, pk: int, request: HttpRequest | None = None) -> LegalAidCase:
    """One case assigned to this lawyer (404 for any other); the read is audited."""
    if not lawyer_cases(user).filter(pk=pk).exists():
        raise Http404
    case = _case(pk)
    case_read(user, case, case.org, request)
    return case
