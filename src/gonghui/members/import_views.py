"""Workbench roster import: upload → dry run with preview and error report → confirm."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.models import Job
from gonghui.members.forms import ImportForm
from gonghui.members.importer.jobs import IMPORT_KIND, import_confirm, import_upload
from gonghui.members.importer.pipeline import Mode
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org
from gonghui.orgs.roles import Perm


@staff_view
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None, initial={"org": request.GET.get("org", "")})

    def start(org: OrgNode) -> Job:
        data = form.cleaned_data
        return import_upload(actor=request.user, org=org, upload=data["file"], mode=Mode(data["mode"]))

    job = act_in_org(request, form, "org", Perm.ORG_EDIT, start, refused=_("找不到该组织，或您无权向它导入会员。"))
    if job is not None:
        return redirect("workbench:job", pk=job.pk)
    return render(request, "members/import.html", {"form": form})


@staff_view
@require_POST
def import_commit(request: HttpRequest, pk: str) -> HttpResponse:
    dry_run = org_selectors.job_get_for(request.user, pk)
    if dry_run.kind != IMPORT_KIND:
        raise Http404
    try:
        job = import_confirm(actor=request.user, dry_run_job=dry_run)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("workbench:job", pk=dry_run.pk)
    return redirect("workbench:job", pk=job.pk)
