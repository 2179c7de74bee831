"""Workbench pages of 求学圆梦: programmes (list, open one, its page), applications (list; one application's
page: decide, enter and check the subsidy, record graduation) and the files applicants and cadres uploaded."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.ledger.choices import PayoutStatus
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.study import selectors, services, subsidies
from gonghui.skills.study.forms import (
    ApplicationFilterForm,
    DecideForm,
    GraduateForm,
    PayoutRejectForm,
    ProgrammeForm,
    SubsidyForm,
)
from gonghui.skills.study.models import Application, Programme


@staff_view
def programme_list(request: HttpRequest) -> HttpResponse:
    under = under_org(request)
    year = request.GET.get("year", "")
    rows = list(selectors.programmes_for(request.user, year=int(year) if year.isdigit() else None, under=under)[:200])
    return render(request, "study/programmes.html", {"rows": rows, "under": under})


@staff_view
def programme_new(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> Programme:
        return services.programme_create(actor=acting_user(request), org=org, data=form.programme_fields())

    programme = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该工会，或您无权开设计划。"))
    if programme is not None:
        messages.success(request, _("已开设求学圆梦计划。"))
        return redirect("study:programme", pk=programme.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("开设求学圆梦计划")})


@staff_view
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = selectors.programme_get_for(request.user, pk)
    context = {
        "programme": programme,
        "committed": subsidies.programme_committed(programme),
        "waiting": selectors.waiting_count(programme),
    }
    return render(request, "study/programme.html", context)


@staff_view
def application_list(request: HttpRequest) -> HttpResponse:
    form = ApplicationFilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    under = under_org(request)
    qs = selectors.applications_for(
        request.user,
        programme=d.get("programme"),
        status=d.get("status", ""),
        paid=bool(d.get("paid")),
        year=d.get("year"),
        under=under,
        q=d.get("q", ""),
    )
    return render(request, "study/applications.html", {**page_context(request, qs), "form": form, "under": under})


@staff_view
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_for(request.user, pk)
    programme = application.programme
    payout = application.payout
    context: dict[str, Any] = {
        "a": application,
        "standard": services.standard_for(programme, application.level),
        "paid": subsidies.is_paid(application),
        "payout_pending": payout is not None and payout.status == PayoutStatus.PENDING,
        "can_review": can(request.user, Perm.REVIEW, programme.org),
        "can_pay": can(request.user, Perm.ASSISTANCE, programme.org) or can(request.user, Perm.FINANCE, programme.org),
        "can_check": can(request.user, Perm.FINANCE, programme.org),
        "sees_programme": can(request.user, Perm.VIEW, programme.org),
        "subsidy_form": SubsidyForm(amount=_default_amount(application)),
        "reject_form": PayoutRejectForm(),
        "graduate_form": GraduateForm(),
    }
    return render(request, "study/application.html", context)


def _default_amount(application: Application) -> Any:
    standard = services.standard_for(application.programme, application.level)
    return min(standard, application.fees) if standard is not None else None


@staff_view
@require_POST
def application_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    application = selectors.application_get_for(request.user, pk)
    actor = acting_user(request)
    if action == "decide":

        def decide(d: dict[str, Any]) -> str:
            approve = d["decision"] == "approve"
            services.application_decide(actor=actor, application=application, approve=approve, reason=d["reason"])
            return _("已批准，占用名额一个。") if approve else _("已退回，申请人在“我的”可看到原因。")

        form_action(request, DecideForm(request.POST), decide)
    elif action == "pay":

        def pay(d: dict[str, Any]) -> str:
            subsidies.subsidy_enter(
                actor=actor,
                application=application,
                amount=d["amount"],
                paid_on=d["paid_on"],
                fund=d["fund"],
                reference=d["reference"],
            )
            return _("已登记补助，请由另一位财务人员审核。")

        form_action(request, SubsidyForm(request.POST), pay)
    elif action == "approve":

        def approve() -> str:
            subsidies.subsidy_approve(actor=actor, application=application)
            return _("补助已审核发放。")

        flash_outcome(request, approve)
    elif action == "reject-payout":

        def reject(d: dict[str, Any]) -> str:
            subsidies.subsidy_reject(actor=actor, application=application, reason=d["reason"])
            return _("已退回补助登记，可重新登记。")

        form_action(request, PayoutRejectForm(request.POST), reject)
    elif action == "graduate":

        def graduate(d: dict[str, Any]) -> str:
            file = d["certificate"]
            subsidies.application_graduate(
                actor=actor,
                application=application,
                graduated_on=d["graduated_on"],
                certificate_no=d["certificate_no"],
                certificate=file,
                certificate_size=file.size if file else 0,
            )
            return _("已登记毕业。")

        form_action(request, GraduateForm(request.POST, request.FILES), graduate)
    else:
        raise Http404
    return redirect("study:application", pk=application.pk)


@staff_view
def application_file(request: HttpRequest, pk: int, which: str) -> FileResponse:
    """The admission letter or the graduation certificate, for cadres who may see the application."""
    application = selectors.application_get_for(request.user, pk)
    if which == "letter" and application.letter:
        return FileResponse(application.letter.open("rb"), content_type=application.letter_type)
    if which == "certificate" and application.certificate:
        return FileResponse(application.certificate.open("rb"), content_type=application.certificate_type)
    raise Http404
