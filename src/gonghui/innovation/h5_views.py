"""Worker-facing pages: a 五小 submission on a phone, the public notice with objections, the e-certificate.

The submitter is the signed-in worker (a phone code, and an account bound to their own record), who leads
the team: nobody declares an innovation in someone else's name.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gonghui.common.access import public_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.common.ratelimits import check_rate
from gonghui.innovation.choices import NominationStatus, RoundStatus
from gonghui.innovation.models import InnovationCall, Project, SelectionRound
from gonghui.innovation.projects import selectors
from gonghui.innovation.projects.forms import ObjectionForm, WorkerProjectForm
from gonghui.innovation.projects.results import objection_raise
from gonghui.innovation.projects.submission import attachment_add, project_submit
from gonghui.members.qr import qr_svg
from gonghui.members.throttle import require_submission_slot
from gonghui.members.worker_access import worker_view
from gonghui.orgs.models import Enterprise, OrgNode, paths_up


def _open_calls(org: OrgNode) -> list[InnovationCall]:
    today = timezone.localdate()
    return list(
        InnovationCall.objects.filter(org__path__in=paths_up(org.path), opens_on__lte=today, closes_on__gte=today)
    )


@worker_view
@never_cache
def submit(request: HttpRequest, code: str) -> HttpResponse:
    org = get_object_or_404(OrgNode, code=code, is_active=True)
    calls = _open_calls(org)
    enterprises = Enterprise.objects.filter(union__path__startswith=org.path).order_by("name")
    form = WorkerProjectForm(request.POST or None, request.FILES or None, enterprises=enterprises)
    form.fields["call"].queryset = InnovationCall.objects.filter(pk__in=[c.pk for c in calls])  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            leader = request.person  # type: ignore[attr-defined]
            check_rate(request, form="wuxiao-submit", identities={"id": leader.id_hmac})
            with transaction.atomic():
                project = project_submit(
                    actor=request.user,
                    call=d["call"],
                    org=org,
                    submission=form.submission(leader=leader),
                    by_worker=True,
                )
                for upload in request.FILES.getlist("attachments"):
                    attachment_add(
                        actor=request.user,
                        project=project,
                        file=upload,
                        name=upload.name or "",
                        size=upload.size or 0,
                        by_worker=True,
                    )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return render(request, "innovation/h5/submitted.html", {"org": org, "project": project})
    return render(request, "innovation/h5/submit.html", {"org": org, "form": form, "calls": calls})


@public_view
@never_cache
def notice(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(InnovationCall.objects.select_related("org"), pk=pk, notice_starts__isnull=False)
    form = ObjectionForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        project = get_object_or_404(Project, pk=request.POST.get("project"), call=call)
        try:
            require_submission_slot(request)
            objection_raise(project=project, **form.cleaned_data)
            sent = True
            form = ObjectionForm()
        except ValidationError as exc:
            apply_validation_error(form, exc)
    context = {"call": call, "projects": selectors.notice_projects(call), "form": form, "sent": sent}
    return render(request, "innovation/h5/notice.html", context)


@public_view
def certificate(request: HttpRequest, number: str) -> HttpResponse:
    project = selectors.certificate_get(number)
    url = request.build_absolute_uri(reverse("innovation_h5:certificate", args=[number]))
    context = {"project": project, "qr": qr_svg(url, scale=3), "url": url}
    return render(request, "innovation/h5/certificate.html", context)


@public_view
def selection_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """The public list of a selection: who is on notice (with how to object), or on whom it was conferred."""
    round_ = get_object_or_404(
        SelectionRound.objects.select_related("org", "title"),
        pk=pk,
        status__in=[RoundStatus.NOTICE, RoundStatus.PUBLISHED],
    )
    shown = NominationStatus.SELECTED if round_.status == RoundStatus.NOTICE else NominationStatus.AWARDED
    nominees = round_.nominations.filter(status=shown).select_related("person", "enterprise", "nominated_by")
    return render(request, "innovation/h5/selection.html", {"round": round_, "nominees": nominees})
