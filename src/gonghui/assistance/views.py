"""Workbench pages of hardship files: list, audited detail with the workflow, a cadre's application, export."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.assistance import annexes, selectors, services
from gonghui.assistance.choices import Category, FileStatus
from gonghui.assistance.forms import (
    CadreApplyForm,
    FileFilterForm,
    HouseholdForm,
    MedicalAnnexForm,
    OverrideForm,
    StepForm,
    StudyAnnexForm,
)
from gonghui.assistance.jobs import FILES_EXPORT_KIND
from gonghui.assistance.models import HardshipFile, HomeVisit
from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.common.jobs import job_start
from gonghui.orgs.drilldown import kept
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, scope_for
from gonghui.orgs.selectors import org_pick_for

# Which step forms the file page offers in each status.
ACTIONS: dict[str, tuple[str, ...]] = {
    FileStatus.APPLIED: ("review", "reject"),
    FileStatus.REVIEWED: ("visit",),
    FileStatus.VISITED: ("visit", "notice"),
    FileStatus.NOTICE: ("objection", "open"),
    FileStatus.OPEN: ("close",),
    FileStatus.CLOSED: ("reopen",),
}


def _files(request: HttpRequest, data: QueryDict, under: OrgNode | None) -> tuple[FileFilterForm, Any]:
    """The filter form and the files it asks for; input in error asks for none (never the whole scope)."""
    form = FileFilterForm(data)
    if not form.is_valid():
        return form, HardshipFile.objects.none()
    d = form.cleaned_data
    start, end = form.span()
    files = selectors.files_for(
        request.user,
        status=d["status"],
        category=d["category"],
        q=d["q"],
        under=under,
        start=start,
        end=end,
        dated=d["dated"],
        on_file=d["on_file"],
    )
    return form, files


@staff_view
def file_list(request: HttpRequest) -> HttpResponse:
    """The files in scope; a figure's drill-down narrows them to a union's subtree (?under=) and a period."""
    under = under_org(request)
    form, files = _files(request, request.GET, under)
    page = Paginator(files, 50).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "under": under, "kept": kept(request, "under", "dated", "on_file")}
    if form.is_valid() and form.cleaned_data["dated"] == "visited":  # 入户走访 counts visits, not households
        context["visits"] = selectors.visits_to(files, *form.span())
    return render(request, "assistance/files.html", context)


@staff_view
def file_new(request: HttpRequest) -> HttpResponse:
    form = CadreApplyForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def apply(org: OrgNode) -> HardshipFile:
        person = selectors.applicant_in_scope(request.user, form.cleaned_data["id_number"], org)
        return services.hardship_file_apply(actor=request.user, org=org, person=person, household=form.household())

    file = act_in_org(request, form, "org", Perm.ASSISTANCE, apply, refused=_("找不到该组织，或您无权在那里建档。"))
    if file is not None:
        messages.success(request, _("已登记困难职工申请，请进行初审。"))
        return redirect("assistance:file", pk=file.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("登记困难职工申请")})


@staff_view
def file_detail(request: HttpRequest, pk: int) -> HttpResponse:
    file = selectors.file_get_for(request.user, pk, request=request)  # audited
    context = {
        "file": file,
        "steps": file.steps.select_related("actor").order_by("at", "pk"),
        "visits": file.visits.order_by("-visited_on"),
        "family": file.family.all(),
        "payouts": file.payouts.select_related("campaign", "maker", "checker"),
        "actions": ACTIONS.get(file.status, ()),
        "step_form": StepForm(),
        "override_form": OverrideForm(initial={"category": file.category}),
        "recheck_form": HouseholdForm(
            initial={
                "family_size": file.family_size,
                "own_income": file.own_income,
                "other_income": file.other_income,
                "essential_costs": file.essential_costs,
                "main_cause": file.main_cause,
                "other_causes": file.other_causes,
            },
            prefix="recheck",
        ),
        "can_pay": can(request.user, Perm.ASSISTANCE, file.org) or can(request.user, Perm.FINANCE, file.org),
        "categories": Category,
        "today": timezone.localdate(),
        "medical": file.medical.all(),
        "students": file.students.all(),
        "medical_form": MedicalAnnexForm(prefix="medical"),
        "study_form": StudyAnnexForm(prefix="study"),
    }
    return render(request, "assistance/file.html", context)


def _run_step(request: HttpRequest, file: HardshipFile, d: dict[str, Any]) -> str:
    """Do one workflow step; returns the success message."""
    services.hardship_file_step(actor=request.user, file=file, **d)  # the form's fields are the step's arguments
    return _("已保存：%(step)s") % {"step": STEP_LABELS[d["kind"]]}


STEP_LABELS = {
    "review": gettext_lazy("初审通过"),
    "reject": gettext_lazy("不予建档"),
    "visit": gettext_lazy("入户核实"),
    "notice": gettext_lazy("开始公示"),
    "objection": gettext_lazy("公示异议"),
    "open": gettext_lazy("建档"),
    "close": gettext_lazy("解困脱困"),
    "reopen": gettext_lazy("返困重新建档"),
}


@staff_view
@require_POST
def file_step(request: HttpRequest, pk: int) -> HttpResponse:
    file = selectors.file_get_for(request.user, pk)
    form_action(request, StepForm(request.POST, request.FILES), lambda d: _run_step(request, file, d))
    return redirect("assistance:file", pk=pk)


@staff_view
@require_POST
def file_override(request: HttpRequest, pk: int) -> HttpResponse:
    file = selectors.file_get_for(request.user, pk)

    def override(d: dict[str, Any]) -> str:
        services.hardship_file_category_override(actor=request.user, file=file, **d)
        return _("已调整困难类别。")

    form_action(request, OverrideForm(request.POST), override)
    return redirect("assistance:file", pk=pk)


@staff_view
@require_POST
def file_recheck(request: HttpRequest, pk: int) -> HttpResponse:
    """The annual re-check: the household's figures again; the category is recomputed."""
    file = selectors.file_get_for(request.user, pk)
    form = HouseholdForm(request.POST, prefix="recheck")

    def recheck(_d: dict[str, Any]) -> str:
        note = request.POST.get("note", "")
        done = services.hardship_file_recheck(actor=request.user, file=file, household=form.household(), note=note)
        return _("已完成年度复核，困难类别：%(c)s。") % {"c": done.get_category_display()}

    form_action(request, form, recheck)
    return redirect("assistance:file", pk=pk)


ANNEXES: dict[str, tuple[type[forms.Form], Callable[..., object]]] = {
    "medical": (MedicalAnnexForm, annexes.medical_annex_add),
    "study": (StudyAnnexForm, annexes.study_annex_add),
}


@staff_view
@require_POST
def file_annex(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Add a 大病医疗救助 or 金秋助学 annex to the file."""
    if kind not in ANNEXES:
        raise Http404
    file = selectors.file_get_for(request.user, pk)
    form_class, add = ANNEXES[kind]

    def annex(d: dict[str, Any]) -> str:
        add(actor=request.user, file=file, **d)
        return _("附表已保存。")

    form_action(request, form_class(request.POST, prefix=kind), annex)
    return redirect("assistance:file", pk=pk)


@staff_view
@require_POST
def file_export(request: HttpRequest) -> HttpResponse:
    """The national 帮扶 template as Excel, masked unless asked for full numbers with PII_FULL (audited)."""
    form = FileFilterForm(request.POST)
    filters = form.cleaned_data if form.is_valid() else {}
    full = request.POST.get("full") == "1"
    if scope_for(request.user, Perm.ASSISTANCE).is_empty:
        raise PermissionDenied  # nobody without the 帮扶 role sees or exports any file
    # What the list shows: a drill-down's union (404 outside the scope) and registration days go along.
    under = org_pick_for(request.user, request.POST["under"]) if request.POST.get("under", "").strip() else None
    days = {key: value.isoformat() if (value := filters.get(key)) else "" for key in ("start", "end", "on_file")}
    params = {"status": filters.get("status", ""), "category": filters.get("category", ""), "full": full, **days}
    job = job_start(
        kind=FILES_EXPORT_KIND, user=request.user, org=under, params={**params, "dated": filters.get("dated", "")}
    )
    return redirect("workbench:job", pk=job.pk)


@staff_view
def visit_photo(request: HttpRequest, pk: int) -> FileResponse:
    """A home-visit photo, served only to those who may see the file (media is not public)."""
    visit = HomeVisit.objects.filter(pk=pk).select_related("file").first()
    if visit is None or not visit.photo:
        raise Http404
    selectors.file_get_for(request.user, visit.file_id, request=request)
    return FileResponse(visit.photo.open("rb"), filename=visit.photo.name.rsplit("/", 1)[-1])
