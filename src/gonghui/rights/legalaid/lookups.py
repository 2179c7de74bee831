"""What a cadre's form names, found in their scope: the applicant by ID number, the employer by its
统一社会信用代码, the helping union by its code, the station, a lawyer's booked session.

A person not found and a person of another union give the same error word for word, so a cadre learns
nothing about people beyond their scope.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Appointment, Provider
from gonghui.common.idcard import normalize_idcard
from gonghui.members.identity import document_hmac
from gonghui.members.models import Person
from gonghui.members.selectors import NOT_FOUND_IN_SCOPE
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.models import Enterprise, OrgNode, paths_up
from gonghui.orgs.scope import scope_for
from gonghui.rights.base.access import require_rights
from gonghui.rights.legalaid.eligibility import belongs_under
from gonghui.rights.legalaid.models import LegalAidCase
from gonghui.stations.models import Station


def person_for_case(user: User, raw: str, org: OrgNode, *, field: str = "id_number") -> Person:
    """The worker with this ID number whom `org` (where `user` holds the rights role) may help."""
    require_rights(user, org)
    try:
        number = normalize_idcard(raw)
    except ValidationError:
        number = raw.strip().upper()
    person = Person.objects.filter(id_hmac=document_hmac(number)).first() if number else None
    if person is None or not belongs_under(person, org):
        raise ValidationError({field: str(NOT_FOUND_IN_SCOPE)})
    return person


def employer_by_uscc(uscc: str) -> Enterprise | None:
    """The enterprise with this code (the service checks it lies in the cadre's scope); None when blank."""
    uscc = uscc.strip().upper()
    if not uscc:
        return None
    found = Enterprise.objects.select_related("union").filter(uscc=uscc).first()
    if found is None:
        raise ValidationError({"employer_uscc": _("找不到该统一社会信用代码的单位，请只填写单位名称。")})
    return found


def helping_union(user: User, text: str) -> OrgNode | None:
    """A helping union by its code: one in the user's scope, or any union on the platform by its exact code
    (a 西安 station's union is another federation's)."""
    text = text.strip()
    if not text:
        return None
    try:
        return org_selectors.org_pick_for(user, text)
    except (Http404, PermissionDenied):
        found = OrgNode.objects.filter(code=text.lower()).first()
    if found is None:
        raise ValidationError({"helping": _("找不到该工会编码。")})
    return found


def stations_for(user: User) -> list[tuple[int, str]]:
    """Stations of the unions where the user holds the rights role (a consultation's place)."""
    qs = scope_for(user).filter(Station.objects.filter(is_active=True).order_by("org__path", "name"))
    return [(s.pk, s.name) for s in qs.only("pk", "name")[:300]]


def station_in_scope(user: User, pk: int | None) -> Station | None:
    if pk is None:
        return None
    station = Station.objects.select_related("org").filter(pk=pk).first()
    if station is None or not scope_for(user).contains(station.org):
        raise ValidationError({"station": _("找不到该服务阵地，或它不在您的管理范围内。")})
    return station


def legal_appointment(user: User, pk: int | None) -> Appointment | None:
    if pk is None:
        return None
    found = Appointment.objects.select_related("provider__org", "person").filter(pk=pk, kind=ServiceKind.LEGAL).first()
    if found is None or not scope_for(user).contains(found.provider.org):
        raise ValidationError({"appointment": _("找不到该法律咨询预约，或它不在您的管理范围内。")})
    return found


def lawyers_for_case(case: LegalAidCase) -> list[Provider]:
    """Active legal providers of the case's union, the helping union, and the unions above them."""
    paths = set(paths_up(case.org.path))
    if case.helping_org_id is not None and case.helping_org is not None:
        paths |= set(paths_up(case.helping_org.path))
    return list(
        Provider.objects.filter(kind=ServiceKind.LEGAL, is_active=True, org__path__in=paths)
        .select_related("org")
        .order_by("org__path", "name")[:200]
    )


def org_for_rights(user: User, text: str, field: str = "org") -> OrgNode:
    """The union a picker names where the user holds the rights role, or a field error."""
    try:
        org = org_selectors.org_pick_for(user, text)
        require_rights(user, org)
    except (Http404, PermissionDenied) as exc:
        raise ValidationError({field: _("找不到该工会，或您在该工会没有维权专员权限。")}) from exc
    return org


def org_or_none(user: User, text: str) -> OrgNode | None:
    try:
        return org_selectors.org_pick_for(user, text) if text.strip() else None
    except (Http404, PermissionDenied):
        return None
