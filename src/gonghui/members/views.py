"""Workbench pages of the member registry. Thin: selectors read through the scope, services write."""

from __future__ import annotations

from typing import Any, Literal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.common.jobs import job_start
from gonghui.common.paging import page_context
from gonghui.members import selectors
from gonghui.members.edit import MEMBERSHIP_EDITABLE, PERSON_EDITABLE, member_update
from gonghui.members.forms import MemberEditForm, MemberFilterForm
from gonghui.members.jobs import EXPORT_KIND
from gonghui.members.models import Membership
from gonghui.members.qr import join_link, qr_download, qr_svg
from gonghui.members.selectors import MemberFilters
from gonghui.members.services import (
    join_policy_set,
    membership_end,
    memberships_decide,
    transfer_approve,
    transfer_reject,
)
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.drilldown import flag
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import under_org
from gonghui.orgs.pii_access import pii_reveal
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, scope_for


def _union(request: HttpRequest, form: MemberFilterForm, field: str) -> OrgNode | None:
    """The union a filter field names, in the user's scope; a field error (and None) when there is none."""
    text = form.cleaned_data[field]
    if not text:
        return None
    try:
        return org_selectors.org_pick_for(request.user, text)
    except Http404:
        form.add_error(field, _("找不到该组织，或不在您的管理范围内。"))
        return None


def _filters(request: HttpRequest, form: MemberFilterForm) -> MemberFilters:
    if not form.is_valid():
        return MemberFilters()
    d = form.cleaned_data
    return MemberFilters(
        org=_union(request, form, "org"),
        under=_union(request, form, "under"),
        status=d["status"],
        employment_form=d["employment_form"],
        occupation=d["occupation"].strip(),
        village=d["village"].strip(),
        joined_from=d["joined_from"],
        joined_to=d["joined_to"],
        q=d["q"],
        key=d["qk"],
        **form.drilldown(),
    )


def _url_safe(data: QueryDict) -> QueryDict | None:
    """The filters with an ID number or mobile in the search box swapped for its key; None if none was."""
    key = selectors.search_key(data.get("q", ""))
    if not key:
        return None
    safe = data.copy()
    safe.pop("csrfmiddlewaretoken", None)
    safe.pop("after", None)
    safe["q"], safe["qk"] = "", key
    return safe


@staff_view
def member_list(request: HttpRequest) -> HttpResponse:
    """The roster. The search box posts: a number typed in it reaches a URL only as its key."""
    data = request.POST if request.method == "POST" else request.GET
    safe = _url_safe(data)
    if safe is not None or request.method == "POST":
        query = safe if safe is not None else data.copy()
        query.pop("csrfmiddlewaretoken", None)
        if safe is None and query.get("q"):  # a new search replaces the key of an earlier number
            query.pop("qk", None)
        for name in [name for name, value in query.items() if not value]:  # a short URL: only what is set
            query.pop(name)
        return redirect(f"{reverse('members:list')}?{query.urlencode()}")
    form = MemberFilterForm(request.GET or None)
    filters = _filters(request, form)
    if form.has_error("under"):  # a drill-down into a union the user cannot see is refused, never widened
        messages.error(request, _("找不到该组织，或不在您的管理范围内。"))
        raise Http404
    # Input in error lists nobody rather than the whole scope; the form says why.
    roster = selectors.memberships_for(request.user, filters) if not form.errors else Membership.objects.none()
    context = {
        **page_context(request, roster),
        "form": form,
        "after": request.GET.get("after", ""),
        "under": filters.under,
        "can_export_full": not scope_for(request.user, Perm.PII_FULL).is_empty,  # else the button is not shown
    }
    template = "members/_rows.html" if request.headers.get("HX-Request") else "members/list.html"
    return render(request, template, context)


@staff_view
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_get_for(request.user, pk)
    context = {
        "m": membership,
        "history": selectors.person_history(request.user, membership.person),
        "events": membership.events.select_related("actor", "org"),
        "can_reveal": can(request.user, Perm.PII_FULL, membership.org),
        "can_edit": can(request.user, Perm.ORG_EDIT, membership.org),
        "can_review": can(request.user, Perm.REVIEW, membership.org),
    }
    return render(request, "members/detail.html", context)


@staff_view
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_get_for(request.user, pk, Perm.ORG_EDIT)
    person = membership.person
    initial = {k: getattr(person, k) for k in PERSON_EDITABLE if k not in ("mobile", "emergency_phone")}
    initial |= {k: getattr(membership, k) for k in MEMBERSHIP_EDITABLE}
    form = MemberEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            member_update(actor=request.user, membership=membership, values=form.changed_values(), request=request)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已保存。"))
            return redirect("members:detail", pk=membership.pk)
    return render(request, "orgs/form.html", {"form": form, "org": membership.org, "title": _("编辑会员信息")})


@staff_view
@require_POST
def member_reveal(request: HttpRequest, pk: int, field: str) -> HttpResponse:
    """Full ID or mobile number for users with the full-data permission; audited."""
    if field not in ("id_number", "mobile"):
        raise Http404
    membership = selectors.membership_get_for(request.user, pk)
    value = pii_reveal(actor=request.user, obj=membership.person, field=field, org=membership.org, request=request)
    return HttpResponse(value or "—", content_type="text/plain; charset=utf-8")


def _narrowest(org: OrgNode | None, under: OrgNode | None) -> OrgNode | Literal[False] | None:
    """The union whose subtree both filters hold (the deeper one); False when they hold nobody in common."""
    if org is None or under is None:
        return org or under
    if under.path.startswith(org.path):
        return under
    return org if org.path.startswith(under.path) else False


@staff_view
def pending(request: HttpRequest) -> HttpResponse:
    """Join applications and transfers waiting; a figure's or an alert's drill-down narrows them to a union's
    subtree (?under=) and the join applications to the overdue ones (?overdue=1)."""
    under = under_org(request)
    overdue_only = flag(request.GET.get("overdue"))
    waiting = selectors.pending_for(request.user, under=under, overdue_only=overdue_only)
    context = {
        "rows": list(waiting[:500]),
        "total": waiting.count(),
        "cutoff": selectors.overdue_cutoff(),
        "overdue_count": selectors.pending_for(request.user, under=under, overdue_only=True).count(),
        "overdue_only": overdue_only,
        "under": under,
        "transfers": selectors.transfers_for(request.user, under=under)[:200],
    }
    return render(request, "members/pending.html", context)


@staff_view
@require_POST
def decide(request: HttpRequest) -> HttpResponse:
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    approve = request.POST.get("decision") == "approve"
    if not ids:
        messages.error(request, _("请先勾选要处理的申请。"))
        return redirect("members:pending")
    chosen = list(selectors.pending_for(request.user).filter(pk__in=ids))
    if not chosen:
        raise Http404  # none of them is in the user's scope (or they were already decided)
    try:
        result = memberships_decide(
            actor=request.user, memberships=chosen, approve=approve, reason=request.POST.get("reason", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except (Http404, PermissionDenied):
        messages.error(request, _("您没有审核这些申请的权限。"))
    else:
        messages.success(request, _("已处理 %(done)d 份申请，跳过 %(skipped)d 份。") % result.__dict__)
    return redirect("members:pending")


@staff_view
@require_POST
def transfer_decide(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = selectors.transfer_get_for(request.user, pk)
    try:
        if request.POST.get("decision") == "approve":
            transfer = transfer_approve(actor=request.user, transfer=transfer)
            messages.success(
                request, _("转会已完成。") if transfer.status == "done" else _("已审核同意，等待另一方工会审核。")
            )
        else:
            transfer_reject(actor=request.user, transfer=transfer, reason=request.POST.get("reason", ""))
            messages.success(request, _("已驳回转会申请。"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("members:pending")


@staff_view
@require_POST
def member_end(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_get_for(request.user, pk, Perm.ORG_EDIT)
    try:
        membership_end(
            actor=request.user,
            membership=membership,
            reason=request.POST.get("reason", ""),
            deceased=request.POST.get("deceased") == "1",
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("已办理离会。"))
    return redirect("members:detail", pk=membership.pk)


@staff_view
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    form = MemberFilterForm(_url_safe(request.POST) or request.POST)
    filters = _filters(request, form)
    if scope_for(request.user).is_empty:
        raise PermissionDenied
    if form.errors:  # a union outside the scope is refused, never widened to the whole scope
        messages.error(request, "；".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("members:list")
    full = request.POST.get("full") == "1"
    org = _narrowest(filters.org, filters.under)
    if org is False:
        messages.error(request, _("所选工会不在下钻的工会及其下级中，没有可导出的会员。"))
        return redirect("members:list")
    # A full export holds only rows under nodes where the user has the full-data permission.
    if full and scope_for(request.user, Perm.PII_FULL).is_empty:
        raise PermissionDenied
    params: dict[str, Any] = {k: (str(v) if v is not None else "") for k, v in (form.cleaned_data or {}).items()}
    params["full"] = full
    job = job_start(kind=EXPORT_KIND, user=request.user, org=org, params=params)
    return redirect("workbench:job", pk=job.pk)


@staff_view
def join_qr(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    org = org_selectors.org_get_for(request.user, code)
    return qr_download(join_link(request, org_code=org.code), fmt=fmt, filename=f"join-{org.code}")


@staff_view
def join_poster(request: HttpRequest, code: str) -> HttpResponse:
    org = org_selectors.org_get_for(request.user, code)
    url = join_link(request, org_code=org.code)
    return render(request, "members/poster.html", {"org": org, "url": url, "qr": qr_svg(url)})


@staff_view
@require_POST
def join_policy(request: HttpRequest, code: str) -> HttpResponse:
    org = org_selectors.org_get_for(request.user, code, Perm.STAFF_MANAGE)
    join_policy_set(actor=request.user, org=org, auto_approve=request.POST.get("auto_approve") == "1")
    messages.success(request, _("入会设置已保存。"))
    return redirect("orgs:detail", code=org.code)
