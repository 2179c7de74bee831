"""The worker's 求学圆梦 pages on the phone (我的): the programmes open to them, applying with the admission
letter, and following their applications (decision, subsidy, graduation); withdrawing one not yet decided."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.common.form_errors import apply_validation_error, flash_outcome
from gonghui.members.selectors import active_membership
from gonghui.members.worker_access import worker_view
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.study import selectors, services
from gonghui.skills.study.forms import ApplicationForm


@worker_view
@never_cache
def mine(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    context = {
        "applications": list(selectors.applications_of(person)[:20]),
        "programmes": selectors.open_programmes_for(person),
        "membership": active_membership(person),
    }
    return render(request, "study/h5/mine.html", context)


@worker_view
def apply(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    programmes = selectors.open_programmes_for(person)
    form = ApplicationForm(request.POST or None, request.FILES or None, programmes=programmes)
    if request.method == "POST" and form.is_valid():
        programme = next(p for p in programmes if p.pk == form.cleaned_data["programme"])
        letter = form.cleaned_data["letter"]
        try:
            services.application_submit(
                person=person,
                user=acting_user(request),
                programme=programme,
                data=form.application_fields(),
                letter=letter,
                letter_size=letter.size,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("申请已提交，工会审核后会在这里告诉您结果。"))
            return redirect("study_h5:mine")
    return render(request, "study/h5/apply.html", {"form": form, "programmes": programmes})


@worker_view
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    application = selectors.application_of(person, pk)

    def take_back() -> str:
        services.application_withdraw(person=person, application=application)
        return _("申请已撤回。")

    flash_outcome(request, take_back)
    return redirect("study_h5:mine")
