"""The lawyer's cases on the phone (/h5/legalaid/lawyer/): a lawyer signs in as the appointments provider
they are (the provider desk's sign-in) and sees only the cases assigned to them; they record 代理 steps
and close a case. Each case page is a read, audited."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.accounts.models import UserKind
from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Provider
from gonghui.common.form_errors import form_action
from gonghui.members.partner_access import partner_login, partner_view
from gonghui.members.worker_access import phone_view
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.legalaid import cases, selectors
from gonghui.rights.legalaid.choices import WITH_LAWYER
from gonghui.rights.legalaid.forms import CloseForm, StepForm

lawyer_view = partner_view(UserKind.PROVIDER, enter="legalaid_h5:lawyer_enter")


@phone_view
@never_cache
def lawyer_enter(request: HttpRequest) -> HttpResponse:
    """After the phone code: sign in on the provider account of the lawyers registered with this number (as
    the appointments desk does), then their cases."""
    rows = list(Provider.objects.filter(mobile_hmac=request.mobile_hmac, is_active=True, kind=ServiceKind.LEGAL))  # type: ignore[attr-defined]
    if not rows:
        return render(request, "legalaid/h5/not_lawyer.html", status=403)
    account = next((p.user for p in rows if p.user is not None and p.user.kind == UserKind.PROVIDER), None)
    user = partner_login(request, kind=UserKind.PROVIDER, account=account, name=rows[0].name)
    Provider.objects.filter(pk__in=[p.pk for p in rows], user__isnull=True).update(user=user)
    return redirect("legalaid_h5:lawyer_list")


@lawyer_view
@never_cache
def lawyer_list(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.lawyer_cases(acting_user(request))[:200])
    open_rows = [c for c in rows if c.status in WITH_LAWYER]
    return render(request, "legalaid/h5/lawyer_list.html", {"open_rows": open_rows, "closed_rows": [
        c for c in rows if c.status not in WITH_LAWYER]})  # fmt: skip


@lawyer_view
@never_cache
def lawyer_case(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.lawyer_case(acting_user(request), pk, request)
    context: dict[str, Any] = {
        "case": case,
        "steps": selectors.steps_of(case),
        "mobile": case.person.mobile.masked() if case.person.mobile else "",
        "step_form": StepForm(),
        "close_form": CloseForm(),
        "working": case.status in WITH_LAWYER,
    }
    return render(request, "legalaid/h5/lawyer_case.html", context)


@lawyer_view
@require_POST
def lawyer_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    case = selectors.lawyer_case(acting_user(request), pk, request)
    if action == "step":

        def step(d: dict[str, Any]) -> str:
            cases.case_step(actor=acting_user(request), case=case, kind=d["kind"], on=d["on"], note=d["note"])
            return _("已登记代理记录。")

        form_action(request, StepForm(request.POST), step)
    elif action == "close":

        def close(d: dict[str, Any]) -> str:
            cases.case_close(actor=acting_user(request), case=case, outcome=d["outcome"], recovered=d["recovered"],
                             outcome_note=d["outcome_note"], closed_on=d["closed_on"])  # fmt: skip
            return _("已结案，职工可在手机上看到结果。")

        form_action(request, CloseForm(request.POST), close)
    else:
        raise Http404
    return redirect("legalaid_h5:lawyer_case", pk=pk)
