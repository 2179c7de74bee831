"""The report page's steps: accept or reject a worker's report, divert, record the handling, the feedback
to the worker and the return visit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.accounts.models import User
from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.arrears import selectors, services
from gonghui.rights.arrears.choices import Route
from gonghui.rights.arrears.forms import AcceptForm, DivertForm, FeedbackForm, HandleForm, RejectForm, VisitForm
from gonghui.rights.arrears.models import Report
from gonghui.rights.mediation.forms import parse_workers

Action = Callable[[User, Report, dict[str, Any]], str]


def _accept(user: User, r: Report, f: dict[str, Any]) -> str:
    services.report_accept(
        actor=user, report=r, enterprise_uscc=f["enterprise"], deadline=f["deadline"], note=f["note"]
    )
    return _("已受理。")


def _reject(user: User, r: Report, f: dict[str, Any]) -> str:
    services.report_reject(actor=user, report=r, reason=f["reason"])
    return _("已不予受理，职工可在“我的”看到原因。")


def _divert(user: User, r: Report, f: dict[str, Any]) -> str:
    services.report_divert(actor=user, report=r, route=f["route"], note=f["note"], workers=parse_workers(f["workers"]))
    if f["route"] == Route.MEDIATION:
        return _("已转劳动争议调解，调解案件已受理。")
    return _("已分流：%(r)s。") % {"r": Route(f["route"]).label}


def _handle(user: User, r: Report, f: dict[str, Any]) -> str:
    services.report_handle(actor=user, report=r, recovered=f["recovered"], note=f["note"])
    return _("已登记处置情况。")


def _feedback(user: User, r: Report, f: dict[str, Any]) -> str:
    services.report_feedback(actor=user, report=r, note=f["note"])
    return _("已反馈职工。")


def _visit(user: User, r: Report, f: dict[str, Any]) -> str:
    services.report_visit(actor=user, report=r, satisfied=f["satisfied"] == "yes", note=f["note"])
    return _("已回访，线索办结。")


ACTIONS: dict[str, tuple[type[Form], Action]] = {
    "accept": (AcceptForm, _accept),
    "reject": (RejectForm, _reject),
    "divert": (DivertForm, _divert),
    "handle": (HandleForm, _handle),
    "feedback": (FeedbackForm, _feedback),
    "visit": (VisitForm, _visit),
}


@staff_view
@require_POST
def report_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    user = acting_user(request)
    report = selectors.report_get_for(user, pk, request=request, audit=False)
    form_class, run = ACTIONS[action]
    form_action(request, form_class(request.POST), lambda f: run(user, report, f))
    return redirect("arrears:detail", pk=pk)
