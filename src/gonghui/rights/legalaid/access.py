"""Who may act on a case: the rights staff of its union or of the helping union, and the lawyer it is
assigned to (their provider account, on the phone) for the steps and the closing."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gonghui.accounts.models import User, UserKind
from gonghui.orgs.scope import scope_for
from gonghui.rights.base.access import can_handle
from gonghui.rights.legalaid.models import Consultation, LegalAidCase


def handles_case(user: User, case: LegalAidCase) -> bool:
    return can_handle(user, case.org) or (case.helping_org_id is not None and can_handle(user, case.helping_org))


def is_lawyer_of(user: User, case: LegalAidCase) -> bool:
    return (
        getattr(user, "kind", None) == UserKind.PROVIDER
        and case.provider_id is not None
        and case.provider is not None
        and case.provider.user_id == user.pk
    )


def require_case(user: User, case: LegalAidCase) -> None:
    """403 for staff who see a union the case involves but hold no rights role there; 404 for anyone else."""
    if handles_case(user, case):
        return
    seen = scope_for(user)
    if seen.contains(case.org) or (case.helping_org_id is not None and seen.contains(case.helping_org)):
        raise PermissionDenied
    raise Http404


def require_consultation(user: User, consultation: Consultation) -> None:
    if can_handle(user, consultation.org):
        return
    if scope_for(user).contains(consultation.org):
        raise PermissionDenied
    raise Http404
