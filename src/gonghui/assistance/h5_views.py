"""The worker's own hardship application on a phone (public: reached from the union's page or QR code).

The applicant proves who they are the way 进度查询 does: the document number and the mobile on record
must match, so nobody can open a file in someone else's name. A 农民工 not yet on record may apply
without membership (the national rules allow it); they are recorded as a person, not as a member.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gonghui.assistance.forms import AidApplyForm
from gonghui.assistance.services import hardship_file_apply
from gonghui.common.access import public_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.members.identity import (
    Applicant,
    CheckedApplicant,
    check_applicant,
    document_hmac,
    matches_record,
)
from gonghui.members.models import Person
from gonghui.members.services import person_locked_or_created
from gonghui.members.throttle import require_submission_slot
from gonghui.orgs.models import OrgNode


def _applicant_person(checked: CheckedApplicant, *, migrant: bool) -> Person:
    person = Person.objects.filter(id_hmac=document_hmac(checked.id_number)).first()
    if person is None:
        if not migrant:
            raise ValidationError(_("没有查到您的会员登记。请先扫码入会；尚未入会的农民工请勾选“我是农民工”。"))
        person = person_locked_or_created(checked)  # a concurrent twin submission finds the same row
        Person.objects.filter(pk=person.pk).update(is_migrant_worker=True)
        person.is_migrant_worker = True
        return person
    if not matches_record(person, name=checked.name, mobile=checked.mobile):
        raise ValidationError(_("姓名、证件号码或手机号码与登记信息不一致，请核对，或联系工会更正。"))
    return person


@public_view
@never_cache
def aid_apply(request: HttpRequest, code: str) -> HttpResponse:
    org: OrgNode = get_object_or_404(OrgNode.objects.select_related("region"), code=code, is_active=True)
    form = AidApplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            require_submission_slot(request)
            applicant = Applicant(name=d["name"], id_number=d["id_number"], mobile=d["mobile"], consent=d["consent"])
            checked = check_applicant(applicant)
            with transaction.atomic():
                person = _applicant_person(checked, migrant=d["migrant"])
                file = hardship_file_apply(
                    actor=AnonymousUser(), org=org, person=person, household=form.household(), by_worker=True
                )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return render(request, "assistance/h5/apply_done.html", {"org": org, "file": file})
    return render(request, "assistance/h5/apply.html", {"org": org, "form": form})
