"""Workbench pages of the work report: the drafts and the form to write one, a draft as it reads (each figure
with its definition and a link to its records), editing a paragraph, generating again, and the files."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.common.paging import page_context
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.staff_accounts import acting_user
from gonghui.reports.periods import period_default, period_key
from gonghui.reports.workreport import export, selectors, services
from gonghui.reports.workreport.forms import GenerateForm, ParagraphForm, RegenerateForm
from gonghui.reports.workreport.models import Draft
from gonghui.rights.base.documents import DocumentError


def _list(request: HttpRequest, form: GenerateForm) -> HttpResponse:
    under = under_org(request)
    qs = selectors.drafts_for(request.user, under=under)
    return render(request, "workreport/list.html", {**page_context(request, qs), "form": form, "under": under})


@staff_view
def draft_list(request: HttpRequest) -> HttpResponse:
    initial = {"org": request.GET.get("org", ""), "period": period_key(period_default())}
    return _list(request, GenerateForm(initial=initial))


@staff_view
@require_POST
def generate(request: HttpRequest) -> HttpResponse:
    form = GenerateForm(request.POST)
    user = acting_user(request)

    def write(org: OrgNode) -> Draft:
        return services.draft_generate(actor=user, org=org, period=form.cleaned_data["period"])

    draft = act_in_org(
        request, form, "org", Perm.ORG_EDIT, write, refused=_("找不到该工会，或您无权为它撰写工作报告。")
    )
    if draft is None:
        return _list(request, form)
    messages.success(request, _("已按最新数字生成工作报告，可逐段修改后导出。"))
    return redirect("workreport:draft", pk=draft.pk)


@staff_view
def draft_detail(request: HttpRequest, pk: int) -> HttpResponse:
    draft = selectors.draft_get_for(request.user, pk)
    context = {
        "draft": draft,
        "title": selectors.draft_title(draft),
        "paragraphs": selectors.draft_paragraphs(draft),
        "sources": selectors.draft_sources(draft),
        "can_edit": can(request.user, Perm.ORG_EDIT, draft.org),
        "regenerate_form": RegenerateForm(),
    }
    return render(request, "workreport/draft.html", context)


@staff_view
def paragraph_edit(request: HttpRequest, pk: int, pid: str) -> HttpResponse:
    draft = selectors.draft_get_for(request.user, pk, Perm.ORG_EDIT)
    shown = {p.id: p for p in selectors.draft_paragraphs(draft)}
    if pid != selectors.TITLE and pid not in shown:
        raise Http404
    current = selectors.draft_title(draft) if pid == selectors.TITLE else shown[pid].text
    form = ParagraphForm(request.POST or None, initial={"text": current})
    user = acting_user(request)
    if request.method == "POST" and "revert" in request.POST:
        services.draft_revert(actor=user, draft=draft, paragraph_id=pid)
        messages.success(request, _("已恢复生成的文字。"))
        return redirect(f"{reverse('workreport:draft', args=[draft.pk])}#p-{pid}")
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_edit(actor=user, draft=draft, paragraph_id=pid, text=form.cleaned_data["text"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已保存。重新生成时会保留您修改的文字。"))
            return redirect(f"{reverse('workreport:draft', args=[draft.pk])}#p-{pid}")
    paragraph = shown.get(pid)
    context = {"draft": draft, "pid": pid, "form": form, "paragraph": paragraph, "edited": pid in draft.edits}
    return render(request, "workreport/edit.html", context)


@staff_view
@require_POST
def regenerate(request: HttpRequest, pk: int) -> HttpResponse:
    draft = selectors.draft_get_for(request.user, pk, Perm.ORG_EDIT)
    form = RegenerateForm(request.POST)
    keep = not (form.is_valid() and form.cleaned_data["discard_edits"])
    try:
        services.draft_generate(actor=acting_user(request), org=draft.org, period=draft.period_key, keep_edits=keep)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        done = _("已按最新数字重新生成。") if keep else _("已按最新数字重新生成，修改过的文字已放弃。")
        messages.success(request, done)
    return redirect("workreport:draft", pk=draft.pk)


@staff_view
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    draft = selectors.draft_get_for(request.user, pk)
    if fmt not in export.CONTENT_TYPES:
        raise Http404
    try:
        data, content_type = export.draft_file(draft, fmt)
    except DocumentError:
        messages.error(request, _("暂时无法生成文件，请联系系统管理员。"))
        return redirect("workreport:draft", pk=draft.pk)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = export.content_disposition(draft, fmt)
    return response
