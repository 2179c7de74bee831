"""Workbench roster import: upload → dry run with preview and error report → confirm."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.members.forms import ImportForm
from gonghui.members.importer.jobs import IMPORT_KIND, import_confirm, import_upload
from gonghui.members.importer.pipeline import Mode
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm


@staff_view
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None, initial={"org": request.GET.get("org", "")})
    if request.method == "POST" and form.is_valid():
        try:
            org = org_selectors.org_get_for(request.user, form.cleaned_data["org"].strip().lower(), Perm.ORG_EDIT)
            job = import_upload(
                actor=request.user, org=org, upload=form.cleaned_data["file"], mode=Mode(form.cleaned_data["mode"])
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        except (Http404, PermissionDenied):
            form.add_error("org", _("找不到该组织，或您无权向它导入会员。"))
        else:
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
