"""The worker's 欠薪 on the phone (我的): report unpaid wages to their union and follow the report round
the loop (the feedback they are given, and the mediation case it became)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gonghui.common.form_errors import apply_validation_error
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.members.worker_access import worker_view
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.arrears import selectors, services
from gonghui.rights.arrears.forms import WorkerReportForm


def _person(request: HttpRequest) -> Person:
    person: Person = request.person  # type: ignore[attr-defined]
    return person


@worker_view
@never_cache
def mine(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.reports_of(_person(request))[:50])
    return render(request, "arrears/h5/mine.html", {"rows": rows})


@worker_view
@never_cache
def report(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    form = WorkerReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            made = services.report_submit(
                actor=acting_user(request),
                person=person,
                enterprise_name=d["enterprise_name"],
                amount_owed=d["amount_owed"],
                summary=d["summary"],
                workers_affected=d["workers_affected"],
                months=d["months"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已提交，工会将尽快核实处理，进展会在这里告诉您。"))
            return redirect("arrears_h5:detail", pk=made.pk)
    return render(request, "arrears/h5/report.html", {"form": form, "membership": active_membership(person)})


@worker_view
@never_cache
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.report_of(_person(request), pk)
    return render(request, "arrears/h5/detail.html", {"r": found, "dispute": found.dispute})
