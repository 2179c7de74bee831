"""Workbench pages of 法治体检: the check-ups of a subtree, a new visit, a visit's checklist with findings
and rectification items, the re-check, the report (PDF), and the rectification items (the figures' list)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error, form_action
from gonghui.orgs.org_field import under_org
from gonghui.rights.base.access import case_read
from gonghui.rights.earlywarning import checkups as services
from gonghui.rights.earlywarning import selectors
from gonghui.rights.earlywarning.choices import RectStatus
from gonghui.rights.earlywarning.forms import CheckupForm, FilterForm, FindingForm, RecheckForm
from gonghui.rights.earlywarning.models import Checkup, Finding
from gonghui.rights.earlywarning.report import checkup_pdf
from gonghui.rights.earlywarning.viewing import me

LIST_LIMIT = 300


@staff_view
def checkups(request: HttpRequest) -> HttpResponse:
    under = under_org(request)
    year = FilterForm(request.GET).year_or_none()
    qs = selectors.checkups_for(me(request), under=under, year=year)
    if request.GET.get("done"):  # the figure counts the visits made, not those planned
        qs = qs.filter(visited_on__lte=timezone.localdate())
    rows = list(qs[:LIST_LIMIT])
    context = {"rows": rows, "under": under, "year": year, "today": timezone.localdate()}
    return render(request, "earlywarning/checkups.html", context)


@staff_view
def checkup_new(request: HttpRequest) -> HttpResponse:
    form = CheckupForm(request.POST or None, initial={"uscc": request.GET.get("uscc", "")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            enterprise = selectors.enterprise_for_rights(me(request), uscc=d["uscc"], field="uscc")
            checkup = services.checkup_create(
                actor=me(request),
                enterprise=enterprise,
                visited_on=d["visited_on"],
                team=d["team"],
                summary=d["summary"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已登记法治体检，请逐项记录体检结论。"))
            return redirect("earlywarning:checkup", pk=checkup.pk)
    return render(request, "earlywarning/checkup_new.html", {"form": form})


def _detail_context(checkup: Checkup) -> dict[str, Any]:
    findings = list(checkup.findings.prefetch_related("rectifications"))
    items = [r for f in findings for r in f.rectifications.all()]
    for item in items:  # the recheck form labels its items by finding; the finding is already here
        item.finding = next(f for f in findings if f.pk == item.finding_id)
    return {
        "checkup": checkup,
        "findings": [
            (f, FindingForm(initial={"finding": f.pk, "result": f.result, "note": f.note}, prefix=f"f{f.pk}"))
            for f in findings
        ],
        "items": items,
        "open_items": sum(1 for i in items if i.status == RectStatus.OPEN),
        "rechecks": list(checkup.rechecks.select_related("by").prefetch_related("results")),
        "recheck_form": RecheckForm(items=items),
        "visited": checkup.visited_on <= timezone.localdate(),
    }


@staff_view
def checkup_detail(request: HttpRequest, pk: int) -> HttpResponse:
    checkup = selectors.checkup_get_for(me(request), pk)
    case_read(me(request), checkup, checkup.org, request)
    return render(request, "earlywarning/checkup.html", _detail_context(checkup))


@staff_view
@require_POST
def checkup_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    checkup = selectors.checkup_get_for(me(request), pk)
    if action == "finding":
        finding = Finding.objects.filter(checkup=checkup, pk=request.POST.get("finding") or 0).first()
        if finding is None:
            raise Http404
        finding.checkup = checkup

        def record(d: dict[str, Any]) -> str:
            services.finding_record(
                actor=me(request), finding=finding, result=d["result"], note=d["note"],
                requirement=d["requirement"], deadline=d["deadline"],
            )  # fmt: skip
            return _("已记录“%(item)s”的体检结论。") % {"item": finding.item}

        form_action(request, FindingForm(request.POST, prefix=f"f{finding.pk}"), record)
    elif action == "recheck":
        items = list(checkup.rectifications.select_related("finding"))
        form = RecheckForm(request.POST, items=items)

        def recheck(d: dict[str, Any]) -> str:
            services.recheck_record(
                actor=me(request), checkup=checkup, on=d["on"], outcomes=form.outcomes(), note=d["note"]
            )
            return _("已记录复查结果。")

        form_action(request, form, recheck)
    else:
        raise Http404
    return redirect(reverse("earlywarning:checkup", args=[pk]) + f"#{action}")


@staff_view
def checkup_report(request: HttpRequest, pk: int) -> HttpResponse:
    checkup = selectors.checkup_get_for(me(request), pk)
    if checkup.visited_on > timezone.localdate():  # a planned visit has no findings to report yet
        planned = {"d": checkup.visited_on.isoformat()}
        messages.error(request, _("体检尚未进行（计划于%(d)s），还没有体检报告。") % planned)
        return redirect("earlywarning:checkup", pk=pk)
    case_read(me(request), checkup, checkup.org, request)
    response = HttpResponse(checkup_pdf(checkup), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="checkup-{checkup.pk}.pdf"'
    return response


@staff_view
def rectifications(request: HttpRequest) -> HttpResponse:
    under = under_org(request)
    status = request.GET.get("status", "")
    year = FilterForm(request.GET).year_or_none()
    rows = list(selectors.rectifications_for(me(request), under=under, status=status, closed_year=year)[:LIST_LIMIT])
    context = {
        "rows": rows,
        "under": under,
        "status": status,
        "year": year,
        "statuses": RectStatus,
        "today": timezone.localdate(),
    }
    return render(request, "earlywarning/rectifications.html", context)
