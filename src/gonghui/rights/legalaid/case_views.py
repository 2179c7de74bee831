"""Workbench pages of 法律援助 cases: the list (rights role only, both unions of a cross-region case), a new
application, a case's page (every read audited) with 审查, 指派, 代理, 结案 and the internal note, and the
masked Excel export (full numbers only with PII_FULL, audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.appointments.models import Provider
from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error, flash_outcome, form_action
from gonghui.common.jobs import job_start
from gonghui.common.paging import page_context
from gonghui.orgs.org_field import under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, scope_for
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.legalaid import cases, lookups, selectors
from gonghui.rights.legalaid.access import handles_case
from gonghui.rights.legalaid.choices import Basis, CaseStatus
from gonghui.rights.legalaid.eligibility import eligibility_of
from gonghui.rights.legalaid.forms import (
    AssignForm,
    CaseFilterForm,
    CaseNewForm,
    CloseForm,
    NoteForm,
    RefuseForm,
    StepForm,
)
from gonghui.rights.legalaid.jobs import EXPORT_KIND, filters_from
from gonghui.rights.legalaid.models import LegalAidCase


def _filters(request: HttpRequest, data: Any) -> tuple[CaseFilterForm, selectors.CaseFilters]:
    form = CaseFilterForm(data or None)
    d = form.cleaned_data if form.is_valid() else {}
    return form, filters_from(d, under_org(request))


@staff_view
def case_list(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request, request.GET)
    qs = selectors.cases_for(acting_user(request), filters)
    context = {
        **page_context(request, qs),
        "form": form,
        "under": filters.under,
        "rights": not scope_for(acting_user(request), Perm.RIGHTS).is_empty,
        "can_export_full": not scope_for(acting_user(request), Perm.PII_FULL).is_empty,
    }
    return render(request, "legalaid/cases.html", context)


def case_fields(form: Any) -> cases.CaseFields:
    d = form.cleaned_data
    return cases.CaseFields(
        topic=d["topic"],
        summary=d["summary"],
        claim_amount=d.get("claim_amount"),
        employer=lookups.employer_by_uscc(d.get("employer_uscc", "")),
        employer_name=d.get("employer_name", ""),
    )


@staff_view
def case_new(request: HttpRequest) -> HttpResponse:
    form = CaseNewForm(request.POST or None, initial={"org": request.GET.get("org", "")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            org = lookups.org_for_rights(acting_user(request), d["org"])
            person = lookups.person_for_case(acting_user(request), d["id_number"], org)
            case = cases.case_apply(
                actor=acting_user(request),
                org=org,
                person=person,
                data=case_fields(form),
                helping_org=lookups.helping_union(acting_user(request), d.get("helping", "")),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已登记法律援助申请，请在7日内完成审查。"))
            return redirect("legalaid:case", pk=case.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("登记法律援助申请")})


def _lawyer_choices(case: LegalAidCase) -> list[tuple[int, str]]:
    lawyers = lookups.lawyers_for_case(case)
    return [(p.pk, f"{p.name}（{p.org.name}{'·' + p.title if p.title else ''}）") for p in lawyers]


def _eligible_as(case: LegalAidCase) -> str:
    """What 审查 would find (shown before the decision): 工会会员, 农民工, 困难职工, or nothing."""
    if case.status != CaseStatus.APPLIED:
        return ""
    basis = eligibility_of(case.person).basis
    return str(Basis(basis).label) if basis else ""


@staff_view
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get_for(acting_user(request), pk, request)
    context: dict[str, Any] = {
        "case": case,
        "steps": selectors.steps_of(case),
        "mobile": case.person.mobile.masked() if case.person.mobile else "",
        "id_masked": case.person.id_number.masked() if case.person.id_number else "",
        "eligible_as": _eligible_as(case),
        "sees_hardship": bool(
            case.hardship_file and can(acting_user(request), Perm.ASSISTANCE, case.hardship_file.org)
        ),
        "refuse_form": RefuseForm(),
        "assign_form": AssignForm(
            lawyers=_lawyer_choices(case), initial={"provider": case.provider_id, "firm": case.firm}
        ),
        "step_form": StepForm(),
        "close_form": CloseForm(),
        "note_form": NoteForm(initial={"note": case.note}),
    }
    return render(request, "legalaid/case.html", context)


@staff_view
@require_POST
def case_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    case = selectors.case_get_for(acting_user(request), pk, request)
    if not handles_case(acting_user(request), case):  # pragma: no cover - case_get_for refuses first
        raise PermissionDenied
    user = acting_user(request)

    def accept() -> str:
        cases.case_accept(actor=user, case=case)
        return _("审查通过，请指派律师。")

    def refuse(d: dict[str, Any]) -> str:
        cases.case_refuse(actor=user, case=case, reason=d["reason"])
        return _("已决定不予援助。")

    def assign(d: dict[str, Any]) -> str:
        provider = Provider.objects.select_related("org").filter(pk=d["provider"]).first() if d["provider"] else None
        if d["provider"] and provider is None:
            raise ValidationError(_("找不到该律师。"))
        cases.case_assign(actor=user, case=case, provider=provider, firm=d["firm"])
        return _("已指派：%(who)s。") % {"who": case.lawyer}

    def step(d: dict[str, Any]) -> str:
        cases.case_step(actor=user, case=case, kind=d["kind"], on=d["on"], note=d["note"])
        return _("已登记代理记录。")

    def close(d: dict[str, Any]) -> str:
        cases.case_close(actor=user, case=case, outcome=d["outcome"], recovered=d["recovered"],
                         outcome_note=d["outcome_note"], closed_on=d["closed_on"])  # fmt: skip
        return _("已结案。")

    def note(d: dict[str, Any]) -> str:
        cases.case_note(actor=user, case=case, note=d["note"])
        return _("已保存备注。")

    forms = {
        "refuse": (RefuseForm, refuse),
        "assign": (lambda data: AssignForm(data, lawyers=_lawyer_choices(case)), assign),
        "step": (StepForm, step),
        "close": (CloseForm, close),
        "note": (NoteForm, note),
    }
    if action == "accept":
        flash_outcome(request, accept)
    elif action in forms:
        make, act = forms[action]
        form_action(request, make(request.POST), act)  # type: ignore[operator]
    else:
        raise Http404
    return redirect("legalaid:case", pk=pk)


@staff_view
@require_POST
def case_export(request: HttpRequest) -> HttpResponse:
    """The list as Excel, masked; full ID and phone numbers only with PII_FULL (audited, each case read too)."""
    if scope_for(acting_user(request), Perm.RIGHTS).is_empty:
        raise PermissionDenied  # nobody without the rights role sees or exports a case
    full = request.POST.get("full") == "1"
    if full and scope_for(acting_user(request), Perm.PII_FULL).is_empty:
        raise PermissionDenied
    form = CaseFilterForm(request.POST)
    d = form.cleaned_data if form.is_valid() else {}
    under = under_org(request) or (lookups.org_or_none(acting_user(request), d.get("under", "")))
    params = {k: str(v) if v is not None else "" for k, v in d.items() if k != "under"}
    params |= {"under": under.code if under else ""}
    job = job_start(kind=EXPORT_KIND, user=acting_user(request), org=under, params={**params, "full": full})
    return redirect("workbench:job", pk=job.pk)
