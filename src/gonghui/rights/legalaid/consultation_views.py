"""Workbench pages of 法律咨询: the list (rights role only), recording one (a station's walk-in, a 12351
call, a lawyer's booked session), a consultation's page (read-audited) with the answer and follow-up, and
turning it into a legal-aid case."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error, form_action
from gonghui.common.paging import page_context
from gonghui.orgs.org_field import under_org
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.legalaid import cases, consultations, lookups, selectors
from gonghui.rights.legalaid.case_views import case_fields
from gonghui.rights.legalaid.forms import AnswerForm, ConsultationFilterForm, ConsultationNewForm, ToCaseForm


@staff_view
def consultation_list(request: HttpRequest) -> HttpResponse:
    form = ConsultationFilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    under = under_org(request)
    filters = selectors.ConsultationFilters(
        under=under, channel=d.get("channel", ""), topic=d.get("topic", ""), year=d.get("year"),
        follow_up=d.get("follow_up", ""),
    )  # fmt: skip
    qs = selectors.consultations_for(acting_user(request), filters)
    return render(request, "legalaid/consultations.html", {**page_context(request, qs), "form": form, "under": under})


@staff_view
def consultation_new(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    stations = lookups.stations_for(user)
    form = ConsultationNewForm(request.POST or None, stations=stations, initial={"org": request.GET.get("org", "")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            org = lookups.org_for_rights(user, d["org"])
            person = lookups.person_for_case(user, d["id_number"], org) if d["id_number"].strip() else None
            data = consultations.ConsultationFields(
                channel=d["channel"], topic=d["topic"], question=d["question"], answer=d["answer"],
                follow_up=d["follow_up"], call_back_on=d["call_back_on"], name=d["name"], mobile=d["mobile"],
                station=lookups.station_in_scope(user, d["station"]),
                appointment=lookups.legal_appointment(user, d["appointment"]),
            )  # fmt: skip
            consultation = consultations.consultation_record(actor=user, org=org, data=data, person=person)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已登记法律咨询。"))
            return redirect("legalaid:consultation", pk=consultation.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("登记法律咨询")})


@staff_view
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_get_for(acting_user(request), pk, request)
    context: dict[str, Any] = {
        "c": consultation,
        "mobile": consultation.mobile.masked() if consultation.mobile else "",
        "answer_form": AnswerForm(
            initial={
                "answer": consultation.answer,
                "follow_up": consultation.follow_up,
                "call_back_on": consultation.call_back_on,
            }
        ),
        "case_form": ToCaseForm(initial={"topic": consultation.topic, "summary": consultation.question}),
    }
    return render(request, "legalaid/consultation.html", context)


@staff_view
@require_POST
def consultation_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    consultation = selectors.consultation_get_for(acting_user(request), pk, request)
    if action == "answer":

        def answer(d: dict[str, Any]) -> str:
            consultations.consultation_answer(
                actor=acting_user(request), consultation=consultation, answer=d["answer"], follow_up=d["follow_up"],
                call_back_on=d["call_back_on"],
            )  # fmt: skip
            return _("已保存解答。")

        form_action(request, AnswerForm(request.POST), answer)
    elif action == "case":
        form = ToCaseForm(request.POST)
        made: list[int] = []

        def to_case(d: dict[str, Any]) -> str:
            person = None
            if consultation.person is None:
                person = lookups.person_for_case(acting_user(request), d["id_number"], consultation.org)
            case = cases.case_from_consultation(
                actor=acting_user(request), consultation=consultation, data=case_fields(form), person=person
            )
            made.append(case.pk)
            return _("已转为法律援助案件%(ref)s，请在7日内完成审查。") % {"ref": case.ref}

        form_action(request, form, to_case)
        if made:
            return redirect("legalaid:case", pk=made[0])
    else:
        raise Http404
    return redirect("legalaid:consultation", pk=pk)
