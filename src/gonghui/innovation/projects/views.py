"""Workbench pages of 五小 calls and projects: lists in scope, a cadre's submission, the project page."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gonghui.common.access import staff_view
from gonghui.common.paging import page_context
from gonghui.innovation.choices import StageStatus
from gonghui.innovation.models import InnovationCall, Project, ProjectAttachment, ReviewStage
from gonghui.innovation.projects import selectors
from gonghui.innovation.projects.calls import CallTerms, call_open
from gonghui.innovation.projects.forms import (
    CadreProjectForm,
    CallForm,
    PanelSeatForm,
    ProjectFilterForm,
    QuotaForm,
    RecommendForm,
    ResolveForm,
)
from gonghui.innovation.projects.panels import panels_for
from gonghui.innovation.projects.review import conflict_of_interest, seat_for
from gonghui.innovation.projects.similarity import similar_to
from gonghui.innovation.projects.submission import attachment_add, project_submit
from gonghui.orgs.drilldown import kept
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, scope_for
from gonghui.orgs.selectors import enterprise_in_scope


@staff_view
def call_list(request: HttpRequest) -> HttpResponse:
    calls = selectors.calls_for(request.user).annotate(n=Count("projects"))
    return render(request, "innovation/calls.html", {"calls": calls})


@staff_view
def call_new(request: HttpRequest) -> HttpResponse:
    form = CallForm(request.POST or None)

    def create(org: OrgNode) -> InnovationCall:
        d = form.cleaned_data
        terms = CallTerms(**{k: d[k] for k in CallTerms.__dataclass_fields__})
        return call_open(actor=request.user, org=org, terms=terms)

    call = act_in_org(request, form, "org", Perm.REVIEW, create, refused=_("找不到该组织，或您无权在那里发起申报。"))
    if call is not None:
        messages.success(request, _("已发起申报批次。"))
        return redirect("innovation:call", pk=call.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("发起五小申报")})


@staff_view
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_get_for(request.user, pk)
    stages = scope_for(request.user).filter(ReviewStage.objects.filter(project__call=call), "project__org")
    levels = list(
        stages.values("org_id", "org__name", "scored")
        .annotate(
            open=Count("id", filter=Q(status=StageStatus.OPEN)),
            passed=Count("id", filter=Q(status=StageStatus.PASSED)),
            failed=Count("id", filter=Q(status=StageStatus.FAILED)),
        )
        .order_by("-org__depth", "org_id")  # the order a project climbs: its union first
    )
    orgs = OrgNode.objects.in_bulk([level["org_id"] for level in levels])
    for level in levels:
        level["can_close"] = level["scored"] and level["open"] and can(request.user, Perm.REVIEW, orgs[level["org_id"]])
    context = {
        "call": call,
        "levels": levels,
        "can_run": can(request.user, Perm.REVIEW, call.org),
        "criteria": call.rubric.criteria.all(),
        "quotas": call.quotas.select_related("org"),
        "quota_form": QuotaForm(),
        "panels": [(p, can(request.user, Perm.REVIEW, p.org)) for p in panels_for(request.user, call)],
        "seat_form": None if call.published_at or scope_for(request.user, Perm.REVIEW).is_empty else PanelSeatForm(),
    }
    return render(request, "innovation/call.html", context)


@staff_view
def project_list(request: HttpRequest) -> HttpResponse:
    """The projects in scope; a figure's drill-down narrows them to a union's subtree (?under=), the days they
    were declared in (start, end), those recommended up (stage) or awarded (status)."""
    under = under_org(request)
    form = ProjectFilterForm(request.GET)
    if form.is_valid():
        d = form.cleaned_data
        qs = selectors.projects_listed(
            request.user, form.filters(under), status=d["status"], category=d["category"], q=d["q"]
        )
    else:  # input in error lists nothing, never the whole scope; the form says why
        qs = Project.objects.none()
    context = {**page_context(request, qs), "form": form, "under": under, "found": qs.count()}
    return render(request, "innovation/projects.html", {**context, "kept": kept(request, "stage", "call")})


@staff_view
def project_new(request: HttpRequest) -> HttpResponse:
    form = CadreProjectForm(request.POST or None, request.FILES or None, initial={"org": request.GET.get("org", "")})
    form.fields["call"].queryset = selectors.calls_for(request.user)  # type: ignore[attr-defined]

    def submit(target: OrgNode) -> Project:
        code = form.cleaned_data["enterprise"]
        enterprise = (
            enterprise_in_scope(request.user, code, target, Perm.ORG_EDIT, field="enterprise") if code.strip() else None
        )
        with transaction.atomic():
            project = project_submit(
                actor=request.user,
                call=form.cleaned_data["call"],
                org=target,
                submission=form.submission(enterprise=enterprise),
            )
            for upload in request.FILES.getlist("attachments"):
                attachment_add(
                    actor=request.user, project=project, file=upload, name=upload.name or "", size=upload.size or 0
                )
        return project

    project = act_in_org(request, form, "org", Perm.ORG_EDIT, submit, refused=_("找不到该组织，或您无权为其申报。"))
    if project is not None:
        messages.success(request, _("已申报，等待%(org)s推荐。") % {"org": project.org.name})
        return redirect("innovation:project", pk=project.pk)
    return render(request, "innovation/project_form.html", {"form": form, "title": _("代职工申报五小项目")})


@staff_view
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    stages = list(project.stages.select_related("org", "decided_by").prefetch_related("scorecards__reviewer"))
    current = next((s for s in stages if s.status == StageStatus.OPEN), None)
    seat = seat_for(request.user, current) if current is not None else None
    my_card = current.scorecards.filter(reviewer_id=request.user.pk).first() if current is not None and seat else None
    scope = scope_for(request.user)
    in_scope = scope.contains(project.org)
    context = {
        "project": project,
        "team": project.team.all(),
        "attachments": project.attachments.all(),
        "stages": stages,
        "current": current,
        "can_recommend": current is not None and not current.scored and can(request.user, Perm.REVIEW, current.org),
        "seat": seat,
        "conflict": conflict_of_interest(seat, project) if seat else None,
        "criteria": project.call.rubric.criteria.all(),
        "my_points": my_card.points if my_card else {},
        "similar": [h for h in similar_to(project, limit=20) if scope.contains(h.project.org)][:5],
        "recommend_form": RecommendForm(),
        "objections": project.objections.all() if in_scope else [],
        "resolve_form": ResolveForm(),
        "can_run": can(request.user, Perm.REVIEW, project.call.org),
    }
    return render(request, "innovation/project.html", context)


@staff_view
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = get_object_or_404(ProjectAttachment.objects.select_related("project"), pk=pk)
    selectors.project_get_for(request.user, attachment.project_id)  # 404 unless the project is visible
    return FileResponse(
        attachment.file.open("rb"), filename=attachment.original_name, content_type=attachment.content_type
    )
