"""The worker's 劳动争议调解 on the phone (我的): apply for mediation, follow the cases they are a party of
(status, sessions' dates, the outcome and the agreed payments; never the minutes), withdraw their own
application before mediation begins."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.common.form_errors import apply_validation_error
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.members.worker_access import worker_view
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.mediation import intake, outcomes, selectors
from gonghui.rights.mediation.forms import ApplyForm


def _person(request: HttpRequest) -> Person:
    person: Person = request.person  # type: ignore[attr-defined]
    return person


@worker_view
@never_cache
def mine(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.disputes_of(_person(request))[:50])
    return render(request, "mediation/h5/mine.html", {"rows": rows})


@worker_view
@never_cache
def apply(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    form = ApplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            dispute = intake.dispute_apply(
                actor=acting_user(request),
                person=person,
                enterprise_name=d["enterprise_name"],
                summary=d["summary"],
                claims=form.claims(),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已提交调解申请，工会受理后会在这里告诉您进展。"))
            return redirect("mediation_h5:case", pk=dispute.pk)
    membership = active_membership(person)
    return render(request, "mediation/h5/apply.html", {"form": form, "membership": membership})


@worker_view
@never_cache
def case(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request)
    dispute = selectors.dispute_of(person, pk)
    context = {
        "d": dispute,
        "sessions": list(dispute.sessions.values_list("held_on", flat=True)),
        "agreement": getattr(dispute, "agreement", None),
        "payments": selectors.payments_of(dispute),
        "own": dispute.reporter_id == person.pk,
    }
    return render(request, "mediation/h5/case.html", context)


@worker_view
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request)
    dispute = selectors.dispute_of(person, pk)
    try:
        outcomes.dispute_withdraw_own(person=person, dispute=dispute)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已撤回调解申请。"))
    return redirect("mediation_h5:case", pk=pk)
