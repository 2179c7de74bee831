"""Workbench pages of 技能等级认定: pilot enterprises (designate; licences and the pay-grade table), batches
(open, enter results one by one or from Excel, close) and the certified list the figures count."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error, flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.certification import batches, pilots, selectors
from gonghui.skills.certification.choices import BatchStatus, level_label
from gonghui.skills.certification.excel_import import COLUMN_LABELS, batch_import_upload
from gonghui.skills.certification.forms import (
    BatchForm,
    EntryForm,
    LicenceForm,
    PayGradeForm,
    PilotForm,
    ResultsFilterForm,
    UploadForm,
)
from gonghui.skills.certification.models import Batch, PilotEnterprise
from gonghui.skills.certification.occupations import occupation_by_code
from gonghui.skills.certification.results import Outcome, results_record


@staff_view
def pilot_list(request: HttpRequest) -> HttpResponse:
    under = under_org(request)
    rows = list(selectors.pilots_for(request.user, under=under)[:300])
    return render(request, "certification/pilots.html", {"rows": rows, "under": under})


@staff_view
def pilot_new(request: HttpRequest) -> HttpResponse:
    """The federation designates one of its enterprises as a pilot."""
    form = PilotForm(request.POST or None, initial={"designated_on": timezone.localdate()})

    def designate(org: OrgNode) -> PilotEnterprise:
        d = form.cleaned_data
        enterprise = org_selectors.enterprise_in_scope(
            request.user, d["enterprise_uscc"], org, Perm.ORG_EDIT, field="enterprise_uscc"
        )
        return pilots.pilot_designate(
            actor=acting_user(request), enterprise=enterprise, by=org, designated_on=d["designated_on"]
        )

    pilot = act_in_org(request, form, "org", Perm.ORG_EDIT, designate, refused=_("找不到该工会，或您无权确定试点。"))
    if pilot is not None:
        messages.success(request, _("已确定为认定试点企业，请登记其认定资质。"))
        return redirect("certification:pilot", pk=pilot.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("确定认定试点企业")})


@staff_view
def pilot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pilot = selectors.pilot_get_for(request.user, pk)
    parent = pilots.parent_union(pilot)
    context: dict[str, Any] = {
        "pilot": pilot,
        "licences": list(selectors.licences_of(pilot)),
        "grades": list(selectors.pay_grades_of(pilot)),
        "batches": list(selectors.batches_for(request.user, pilot=pilot)[:100]),
        "can_file": parent is not None and can(request.user, Perm.ORG_EDIT, parent),
        "can_edit": can(request.user, Perm.ORG_EDIT, pilot.org),
        "licence_form": LicenceForm(),
        "grade_form": PayGradeForm(),
    }
    return render(request, "certification/pilot.html", context)


@staff_view
@require_POST
def pilot_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    pilot = selectors.pilot_get_for(request.user, pk)
    actor = acting_user(request)
    if action == "licence":

        def add(d: dict[str, Any]) -> str:
            data = pilots.LicenceFields(
                occupation=occupation_by_code(d["occupation"]),
                lowest=d["lowest"],
                highest=d["highest"],
                valid_from=d["valid_from"],
                valid_until=d["valid_until"],
                authority=d["authority"],
                reference=d["reference"],
            )
            licence = pilots.licence_add(actor=actor, pilot=pilot, data=data)
            return _("已登记“%(occ)s”的认定资质。") % {"occ": licence.occupation.name}

        _guarded(request, lambda: form_action(request, LicenceForm(request.POST), add))
    elif action == "grade":

        def grade(d: dict[str, Any]) -> str:
            pilots.pay_grade_set(actor=actor, pilot=pilot, level=d["level"], grade=d["grade"], allowance=d["allowance"])
            return _("已保存%(level)s的薪酬等级。") % {"level": level_label(d["level"])}

        _guarded(request, lambda: form_action(request, PayGradeForm(request.POST), grade))
    else:
        raise Http404
    return redirect("certification:pilot", pk=pilot.pk)


def _guarded(request: HttpRequest, action: Any) -> None:
    """A refused write on a page the user may see: say so instead of a bare 403."""
    try:
        action()
    except PermissionDenied:
        messages.error(request, _("您无权执行该操作：认定资质由上级工会登记，薪酬等级由企业工会维护。"))


@staff_view
def batch_list(request: HttpRequest) -> HttpResponse:
    under = under_org(request)
    status = request.GET.get("status", "")
    qs = selectors.batches_for(request.user, under=under, status=status if status in BatchStatus.values else "")
    return render(
        request, "certification/batches.html", {**page_context(request, qs), "under": under, "statuses": BatchStatus}
    )


@staff_view
def batch_new(request: HttpRequest) -> HttpResponse:
    choices = list(selectors.pilots_for(request.user, perm=Perm.ORG_EDIT).filter(is_active=True)[:300])
    form = BatchForm(request.POST or None, pilots=choices)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            pilot = selectors.pilot_get_for(request.user, d["pilot"], Perm.ORG_EDIT)
            data = batches.BatchFields(
                name=d["name"],
                occupation=occupation_by_code(d["occupation"]),
                levels=d["levels"],
                starts_on=d["starts_on"],
                ends_on=d["ends_on"],
                assessors=d["assessors"],
                theory_pass=d["theory_pass"],
                practical_pass=d["practical_pass"],
            )
            batch = batches.batch_create(actor=acting_user(request), pilot=pilot, data=data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已开设认定批次，请录入或导入成绩。"))
            return redirect("certification:batch", pk=batch.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("开设认定批次")})


def _batch_context(request: HttpRequest, batch: Batch, **extra: Any) -> dict[str, Any]:
    return {
        "batch": batch,
        "can_edit": batch.status == BatchStatus.OPEN and can(request.user, Perm.ORG_EDIT, batch.org),
        "levels": [level_label(v) for v in batch.level_list],
        "upload_form": UploadForm(),
        "entry_form": EntryForm(),
        **page_context(request, selectors.candidates_of(batch), size=100),
        **extra,
    }


SHOWN_ERRORS = 500


def _error_rows(outcome: Outcome | None) -> list[tuple[int, str, str, str]]:
    if outcome is None:
        return []
    return [
        (e.number, str(COLUMN_LABELS.get(e.column, e.column)), e.value, e.reason) for e in outcome.errors[:SHOWN_ERRORS]
    ]


@staff_view
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = selectors.batch_get_for(request.user, pk)
    return render(request, "certification/batch.html", _batch_context(request, batch))


def _recorded_message(outcome: Outcome) -> str:
    counts = {"r": outcome.recorded, "p": outcome.passed, "g": outcome.promoted, "a": outcome.already}
    message = _("已录入 %(r)d 人，通过认定 %(p)d 人，晋升薪酬等级 %(g)d 人。") % counts
    if outcome.already:
        message += _("已录入过的 %(a)d 行未重复录入。") % counts
    return message


@staff_view
def batch_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload the results sheet: all rows recorded, or none and the row errors on this page."""
    batch = selectors.batch_get_for(request.user, pk, Perm.ORG_EDIT)
    form = UploadForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        try:
            outcome = batch_import_upload(actor=acting_user(request), batch=batch, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            if not outcome.errors:
                messages.success(request, _recorded_message(outcome))
                return redirect("certification:batch", pk=batch.pk)
    context = _batch_context(request, batch, upload_form=form, outcome=outcome, error_rows=_error_rows(outcome))
    return render(request, "certification/batch.html", context, status=200)


@staff_view
@require_POST
def batch_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    batch = selectors.batch_get_for(request.user, pk, Perm.ORG_EDIT)
    actor = acting_user(request)
    if action == "enter":

        def enter(d: dict[str, Any]) -> str:
            outcome = results_record(actor=actor, batch=batch, rows=[(1, d)])
            if outcome.errors:
                raise ValidationError([e.reason for e in outcome.errors])
            return _recorded_message(outcome)

        form_action(request, EntryForm(request.POST), enter)
    elif action == "close":

        def close() -> str:
            batches.batch_close(actor=actor, batch=batch)
            return _("已结束该批次，不再录入成绩。")

        flash_outcome(request, close)
    else:
        raise Http404
    return redirect("certification:batch", pk=batch.pk)


@staff_view
def results(request: HttpRequest) -> HttpResponse:
    """The certified the figures count: in scope, narrowed by union, year, level, occupation, promotion."""
    form = ResultsFilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    under = under_org(request)
    qs = selectors.certified_for(
        request.user,
        under=under,
        year=d.get("year"),
        level=d.get("level", ""),
        occupation_id=d.get("occupation"),
        promoted=bool(d.get("promoted")),
    )
    context = {**page_context(request, qs), "form": form, "under": under, "table": selectors.certified_table(qs)}
    return render(request, "certification/results.html", context)
