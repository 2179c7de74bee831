from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import resolve, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome
from gonghui.common.jobs import job_retry, jobs_reap_dead
from gonghui.common.models import JobStatus
from gonghui.orgs import selectors
from gonghui.orgs.scope import scope_for


@staff_view
def home(request: HttpRequest) -> HttpResponse:
    """A staff user with a scope sees the dashboard of their first union here (the platform administrator the
    platform-wide view); one without a role yet is told whom to ask. The dashboard is found by its URL name
    and served at this address, not imported: the workbench and reports are siblings."""
    if scope_for(request.user).is_empty:
        return render(request, "workbench/home.html", {"no_scope": True})
    dashboard = resolve(reverse("reports:dashboard"))
    response: HttpResponse = dashboard.func(request, *dashboard.args, **dashboard.kwargs)
    return response


@staff_view
def jobs(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.jobs_for(request.user).select_related("org"), 30).get_page(request.GET.get("page"))
    return render(request, "workbench/jobs.html", {"page": page})


@staff_view
def job(request: HttpRequest, pk: str) -> HttpResponse:
    job = selectors.job_get_for(request.user, pk)
    if job.status == JobStatus.RUNNING and jobs_reap_dead():  # its worker may have died with no other alive
        job.refresh_from_db()
    template = "workbench/_job_progress.html" if request.headers.get("HX-Request") else "workbench/job.html"
    return render(request, template, {"job": job})


@staff_view
def job_download(request: HttpRequest, pk: str) -> FileResponse:
    job = selectors.job_get_for(request.user, pk)
    if not job.result_file:
        raise Http404
    name = job.result_file.name.rsplit("/", 1)[-1]
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=name)


@staff_view
def audit(request: HttpRequest) -> HttpResponse:
    events = selectors.audit_events_for(request.user)
    action = request.GET.get("action", "")
    if action:
        events = events.filter(action=action)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "workbench/audit.html", {"page": page, "action": action})


@staff_view
@require_POST
def job_retry_view(request: HttpRequest, pk: str) -> HttpResponse:
    job = selectors.job_get_for(request.user, pk)

    def retry() -> str:
        job_retry(actor=request.user, job=job)
        return _("已重新开始。")

    flash_outcome(request, retry)
    return redirect("workbench:job", pk=pk)
