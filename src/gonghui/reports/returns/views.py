"""Workbench pages of statistical returns: a union's returns (due, submitted, overdue), one return (review,
remarks, submit; the federation above returns it), the federation's view of its children with the roll-up,
and both as Excel."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.orgs.kinds import FEDERATIONS
from gonghui.orgs.models import OrgNode
from gonghui.orgs.selectors import org_get_for, org_pick_for, org_roots_for
from gonghui.orgs.staff_accounts import acting_user
from gonghui.reports.periods import period_key, period_label
from gonghui.reports.returns import exports, selectors, services
from gonghui.reports.returns.access import may_send_back, may_submit
from gonghui.reports.returns.choices import FilingStatus
from gonghui.reports.returns.forms import ChildrenFilterForm, PickForm, SendBackForm, SubmitForm
from gonghui.reports.returns.return_forms import ReturnForm, return_forms
from gonghui.reports.returns.rollup import ChildrenView, children_view

T = TypeVar("T")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHILDREN_PAGE = 100


def _refused(request: HttpRequest, org: OrgNode, exc: ValidationError) -> HttpResponse:
    """A form or period the union cannot report: the reason in Chinese, never a 500."""
    context = {"org": org, "reasons": exc.messages}
    return render(request, "returns/refused.html", context, status=400)


def _opened(
    find: Callable[[Any, OrgNode, str, str], T],
) -> Callable[[Callable[[HttpRequest, Any, OrgNode, T], HttpResponse]], Callable[..., HttpResponse]]:
    """A page of one union's form and period: the union in the user's scope (404 outside), then what `find`
    makes of the form and period (a sheet, the children's view), or the page saying why the union cannot
    report them (a form it does not file, a period in the future or before it existed)."""

    def decorate(view: Callable[[HttpRequest, Any, OrgNode, T], HttpResponse]) -> Callable[..., HttpResponse]:
        @staff_view
        @wraps(view)
        def page(request: HttpRequest, code: str, form: str, period: str) -> HttpResponse:
            user = acting_user(request)
            org = org_get_for(user, code)
            try:
                found = find(user, org, form, period)
            except ValidationError as exc:
                return _refused(request, org, exc)
            return view(request, user, org, found)

        return page

    return decorate


def _xlsx(content: bytes, stem: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
    return response


@staff_view
def index(request: HttpRequest) -> HttpResponse:
    """A union's returns, newest period first; a federation also reaches its children's for each form."""
    form = PickForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    roots = org_roots_for(request.user)
    org = org_pick_for(request.user, d["under"]) if d.get("under") else (roots[0] if roots else None)
    today = timezone.localdate()
    context: dict[str, Any] = {"form": form, "org": org, "rows": [], "federation": []}
    if org is not None:
        context["rows"] = selectors.returns_due_for(request.user, org, today)
        if org.kind in FEDERATIONS:
            latest = [(f, f.latest_ended(today)) for f in return_forms()]
            context["federation"] = [(f, period_key(p), period_label(p)) for f, p in latest]
    return render(request, "returns/index.html", context)


def _neighbours(form: ReturnForm, period: Any) -> dict[str, str]:
    """The periods before and after, for paging through a form's periods (never into the future)."""
    out = {"previous": period_key(form.previous(period))}
    following = form.following(period)
    if following.start <= timezone.localdate():
        out["following"] = period_key(following)
    return out


@_opened(selectors.return_sheet)
def sheet(request: HttpRequest, user: Any, org: OrgNode, found: selectors.ReturnSheet) -> HttpResponse:
    submitted = found.status == FilingStatus.SUBMITTED
    context = {
        "sheet": found,
        "org": org,
        "label": period_label(found.period),
        "can_submit": not submitted and found.ended and may_submit(user, org),
        "can_send_back": submitted and may_send_back(user, org),
        "submit_form": SubmitForm(initial={"remarks": found.submission.remarks if found.submission else ""}),
        "send_back_form": SendBackForm(),
        "files_children": org.kind in FEDERATIONS,
        **_neighbours(found.form, found.period),
    }
    return render(request, "returns/sheet.html", context)


@_opened(selectors.return_sheet)
def sheet_export(request: HttpRequest, user: Any, org: OrgNode, found: selectors.ReturnSheet) -> HttpResponse:
    return _xlsx(exports.sheet_xlsx(found), f"return-{found.form.key}-{org.code}-{found.key}")


def _back(org: OrgNode, form: str, period: str) -> HttpResponse:
    return redirect("returns:sheet", code=org.code, form=form, period=period)


@staff_view
@require_POST
def submit(request: HttpRequest, code: str, form: str, period: str) -> HttpResponse:
    actor = acting_user(request)
    org = org_get_for(actor, code)

    def act(d: dict[str, Any]) -> str:
        services.return_submit(actor=actor, org=org, form_key=form, period_text=period, remarks=d["remarks"])
        return _("已报送。报表数字已固定，上级工会可以查看和汇总。")

    form_action(request, SubmitForm(request.POST), act)
    return _back(org, form, period)


@staff_view
@require_POST
def save(request: HttpRequest, code: str, form: str, period: str) -> HttpResponse:
    actor = acting_user(request)
    org = org_get_for(actor, code)

    def act(d: dict[str, Any]) -> str:
        services.return_save_remarks(actor=actor, org=org, form_key=form, period_text=period, remarks=d["remarks"])
        return _("已保存填报说明，尚未报送。")

    form_action(request, SubmitForm(request.POST), act)
    return _back(org, form, period)


@staff_view
@require_POST
def send_back(request: HttpRequest, code: str, form: str, period: str) -> HttpResponse:
    actor = acting_user(request)
    org = org_get_for(actor, code)
    try:
        submission = selectors.submission_at(actor, org, form, period)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return _back(org, form, period)

    def act(d: dict[str, Any]) -> str:
        services.return_send_back(actor=actor, submission=submission, reason=d["reason"])
        return _("已退回，填报工会可修改后重新报送。")

    form_action(request, SendBackForm(request.POST), act)
    return _back(org, form, period)


@_opened(children_view)
def children(request: HttpRequest, user: Any, org: OrgNode, view: ChildrenView) -> HttpResponse:
    filters = ChildrenFilterForm(request.GET or None)
    d = filters.cleaned_data if filters.is_valid() else {}
    rows = [c for c in view.children if not d.get("status") or c.status == d["status"]]
    page = d.get("page") or 1
    keys = [t.row.key for t in view.totals]
    shown = [(c, [c.value(key) for key in keys]) for c in rows[(page - 1) * CHILDREN_PAGE : page * CHILDREN_PAGE]]
    context = {
        "view": view,
        "org": org,
        "label": period_label(view.period),
        "filters": filters,
        "rows": shown,
        "page": page,
        "next_page": page + 1 if len(rows) > page * CHILDREN_PAGE else None,
        "statuses": [(s, view.counts.get(s.value, 0)) for s in FilingStatus],
        **_neighbours(view.form, view.period),
    }
    return render(request, "returns/children.html", context)


@_opened(children_view)
def children_export(request: HttpRequest, user: Any, org: OrgNode, view: ChildrenView) -> HttpResponse:
    return _xlsx(exports.children_xlsx(view), f"returns-{view.form.key}-{org.code}-{view.key}")
