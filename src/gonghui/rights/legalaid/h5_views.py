"""The worker's 法律援助 on the phone (我的): their own consultations with the union's answers, their own
cases with the status and the outcome (never the union's or the lawyer's notes), and asking online."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gonghui.common.form_errors import apply_validation_error
from gonghui.members.selectors import live_membership
from gonghui.members.worker_access import worker_view
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.legalaid import consultations, selectors
from gonghui.rights.legalaid.forms import AskForm


@worker_view
@never_cache
def mine(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    context = {
        "consultations": list(selectors.consultations_of(person)[:30]),
        "cases": list(selectors.cases_of(person)[:30]),
        "can_ask": live_membership(person) is not None,
    }
    return render(request, "legalaid/h5/mine.html", context)


@worker_view
@never_cache
def ask(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    form = AskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            d = form.cleaned_data
            consultations.consultation_ask(
                person=person, user=acting_user(request), topic=d["topic"], question=d["question"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已提交，工会将尽快答复，答复会显示在这里。"))
            return redirect("legalaid_h5:mine")
    return render(request, "legalaid/h5/ask.html", {"form": form, "membership": live_membership(person)})
