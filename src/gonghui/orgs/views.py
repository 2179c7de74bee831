"""Workbench pages for the union tree, enterprises, committees and staff roles. Thin."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error, flash_outcome
from gonghui.common.jobs import job_start
from gonghui.orgs import selectors
from gonghui.orgs.counters import subtree_total
from gonghui.orgs.drilldown import kept
from gonghui.orgs.forms import (
    EnterpriseEditForm,
    EnterpriseFilterForm,
    EnterpriseForm,
    MoveForm,
    OrgCreateForm,
    OrgForm,
    RoleGrantForm,
    TermForm,
    TreeFilterForm,
    initial_from,
)
from gonghui.orgs.jobs import EXPORT_KIND
from gonghui.orgs.models import Enterprise, OrgNode, StaffRole
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.pii_access import pii_reveal
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.services import (
    committee_term_record,
    enterprise_create,
    enterprise_update,
    org_create,
    org_move,
    org_update,
)
from gonghui.orgs.staff_accounts import acting_user, staff_account_named_for, staff_role_grant, staff_role_revoke


@staff_view
def tree(request: HttpRequest) -> HttpResponse:
    """The tree from the user's roots; searched or narrowed (a figure's drill-down: ?under=, kinds, active,
    set up within start/end), the unions found, as a list with their number."""
    under = under_org(request)
    form = TreeFilterForm(request.GET)
    valid = form.is_valid()
    kind, kinds = form.kind_choices()
    context = {"q": form.cleaned_data.get("q", ""), "kind": kind, "kinds": kinds, "form": form, "under": under}
    context["kept"] = kept(request, "under", "groups", "active", "start", "end")
    if not valid or under is not None or form.narrowed:
        found = selectors.orgs_for(request.user, under=under, **form.filters()) if valid else OrgNode.objects.none()
        context["page"] = Paginator(found, 50).get_page(request.GET.get("page"))
        if request.headers.get("HX-Request"):
            return render(request, "orgs/_search_results.html", context)
    else:
        context["roots"] = selectors.org_roots_for(request.user)
    return render(request, "orgs/tree.html", context)


@staff_view
def pick(request: HttpRequest) -> HttpResponse:
    """The union picker's suggestions (<option>s for its <datalist>), read from the field the picker names."""
    try:
        perm = Perm(request.GET.get("perm", Perm.VIEW))
    except ValueError:
        perm = Perm.VIEW
    q = request.GET.get(request.GET.get("field", "q"), "")
    return render(request, "orgs/_pick_options.html", {"orgs": selectors.orgs_pickable(request.user, q, perm)})


@staff_view
def children(request: HttpRequest, code: str) -> HttpResponse:
    org = selectors.org_get_for(request.user, code)
    nodes = selectors.org_children_for(request.user, org)
    return render(request, "orgs/_children.html", {"nodes": nodes, "parent": org})


@staff_view
def detail(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    org = selectors.org_get_for(user, code)
    context = {
        "org": org,
        "ancestors": selectors.org_ancestors_for(user, org),
        "children": selectors.org_children_for(user, org)[:200],
        "enterprises": selectors.enterprises_for(user, union=org)[:20],
        "terms": selectors.terms_for_org(user, org),
        "subtree_members": subtree_total(org),
        "can_edit": can(user, Perm.ORG_EDIT, org),
        "can_manage_staff": can(user, Perm.STAFF_MANAGE, org),
        # The members app keeps the switch (members.JoinPolicy); read through the relation, no import upward.
        "auto_approve": _auto_approves(org),
    }
    return render(request, "orgs/detail.html", context)


def _auto_approves(org: OrgNode) -> bool:
    try:
        return bool(org.join_policy.auto_approve)
    except ObjectDoesNotExist:
        return False


@staff_view
def create_child(request: HttpRequest, code: str) -> HttpResponse:
    parent = selectors.org_get_for(request.user, code, Perm.ORG_EDIT)
    form = OrgCreateForm(request.POST or None, parent_kind=parent.kind, initial={"region_code": parent.region_id})
    if request.method == "POST" and form.is_valid():
        try:
            node = org_create(
                actor=request.user,
                parent=parent,
                fields=form.to_fields(),
                code=form.cleaned_data["code"],
                request=request,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已新建“%(name)s”。") % {"name": node.name})
            return redirect("orgs:detail", code=node.code)
    return render(request, "orgs/form.html", {"form": form, "parent": parent, "title": _("新建下级组织")})


@staff_view
def edit(request: HttpRequest, code: str) -> HttpResponse:
    org = selectors.org_get_for(request.user, code, Perm.ORG_EDIT)
    parent = OrgNode.objects.get_parent(org)
    initial = initial_from(org, OrgForm)
    form = OrgForm(request.POST or None, initial=initial, parent_kind=parent.kind if parent else None)
    if parent is None:
        form.fields["kind"] = forms.ChoiceField(label=_("组织类型"), choices=[(org.kind, org.get_kind_display())])
    if request.method == "POST" and form.is_valid():
        try:
            org_update(actor=request.user, org=org, fields=form.to_fields(), request=request)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已保存。"))
            return redirect("orgs:detail", code=org.code)
    return render(request, "orgs/form.html", {"form": form, "org": org, "title": _("编辑组织")})


@staff_view
def move(request: HttpRequest, code: str) -> HttpResponse:
    org = selectors.org_get_for(request.user, code, Perm.ORG_EDIT)
    form = MoveForm(request.POST or None)

    def move_under(target: OrgNode) -> OrgNode:
        org_move(actor=request.user, org=org, new_parent=target, request=request)
        return target

    refused = _("找不到该组织，或您无权把组织移到它下面。")
    target = act_in_org(request, form, "new_parent", Perm.ORG_EDIT, move_under, refused=refused)
    if target is not None:
        messages.success(request, _("已移动到“%(name)s”之下。") % {"name": target.name})
        return redirect("orgs:detail", code=org.code)
    descendants = OrgNode.objects.filter(path__startswith=org.path).count() - 1
    return render(request, "orgs/move.html", {"form": form, "org": org, "descendants": descendants})


@staff_view
@require_POST
def export(request: HttpRequest, code: str) -> HttpResponse:
    org = selectors.org_get_for(request.user, code)
    job = job_start(kind=EXPORT_KIND, user=request.user, org=org)
    return redirect("workbench:job", pk=job.pk)


@staff_view
def term_create(request: HttpRequest, code: str) -> HttpResponse:
    org = selectors.org_get_for(request.user, code, Perm.ORG_EDIT)
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            committee_term_record(actor=request.user, org=org, request=request, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("换届信息已登记。"))
            return redirect("orgs:detail", code=org.code)
    return render(request, "orgs/form.html", {"form": form, "org": org, "title": _("登记换届选举")})


@staff_view
def roles(request: HttpRequest, code: str) -> HttpResponse:
    org = selectors.org_get_for(request.user, code, Perm.STAFF_MANAGE)
    form = RoleGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actor = acting_user(request)
            account = staff_account_named_for(actor, form.cleaned_data["username"])
            staff_role_grant(actor=actor, account=account, org=org, role=form.cleaned_data["role"], request=request)
            messages.success(request, _("已授予角色。"))
            return redirect("orgs:roles", code=org.code)
        except Http404:
            form.add_error("username", _("没有这个账号，或它不归您管理。新同事请先新建工作人员账号。"))
        except ValidationError as exc:
            apply_validation_error(form, exc)
    staff = selectors.staff_roles_for(request.user, org=org)
    return render(request, "orgs/roles.html", {"org": org, "form": form, "staff": staff})


@staff_view
@require_POST
def role_revoke(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    org = selectors.org_get_for(request.user, code, Perm.STAFF_MANAGE)
    staff_role = get_object_or_404(StaffRole.objects.select_related("org", "user"), pk=pk, org=org)

    def revoke() -> str:
        staff_role_revoke(actor=acting_user(request), staff_role=staff_role, request=request)
        return _("已撤销角色。")

    flash_outcome(request, revoke)
    return redirect("orgs:roles", code=org.code)


@staff_view
def enterprises(request: HttpRequest) -> HttpResponse:
    """Enterprises in scope; narrowed to a union's subtree (?under=) and registered by a day (?end=), the
    建会企业 the figures count, with their number and workers."""
    under = under_org(request)
    form = EnterpriseFilterForm(request.GET)
    if form.is_valid():
        d = form.cleaned_data
        found = selectors.enterprises_for(request.user, q=d["q"], union=under, registered_by=d["end"])
    else:
        found = Enterprise.objects.none()
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    context = {"page": page, "q": q, "form": form, "under": under, "kept": kept(request, "under", "end")}
    context["totals"] = selectors.enterprise_totals(found)
    template = "orgs/_enterprise_rows.html" if request.headers.get("HX-Request") else "orgs/enterprises.html"
    return render(request, template, context)


@staff_view
def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = selectors.enterprise_get_for(request.user, pk)
    return render(
        request,
        "orgs/enterprise_detail.html",
        {
            "enterprise": enterprise,
            "can_edit": can(request.user, Perm.ORG_EDIT, enterprise.union),
            "can_reveal": can(request.user, Perm.PII_FULL, enterprise.union),
        },
    )


@staff_view
def enterprise_add(request: HttpRequest, code: str) -> HttpResponse:
    union = selectors.org_get_for(request.user, code, Perm.ORG_EDIT)
    form = EnterpriseForm(request.POST or None, initial={"region_code": union.region_id})
    if request.method == "POST" and form.is_valid():
        try:
            enterprise = enterprise_create(actor=request.user, union=union, fields=form.to_fields(), request=request)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已登记“%(name)s”。") % {"name": enterprise.name})
            return redirect("orgs:enterprise_detail", pk=enterprise.pk)
    return render(request, "orgs/form.html", {"form": form, "org": union, "title": _("登记用人单位")})


@staff_view
def enterprise_edit(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = selectors.enterprise_get_for(request.user, pk, Perm.ORG_EDIT)
    # The edit form never receives the stored number; blank keeps it, a new value replaces it.
    initial = initial_from(enterprise, EnterpriseEditForm) | {"contact_phone": "", "union_code": enterprise.union.code}
    form = EnterpriseEditForm(request.POST or None, initial=initial)

    def update(union: OrgNode) -> Enterprise:
        fields = form.to_fields()
        return enterprise_update(actor=request.user, enterprise=enterprise, fields=fields, union=union, request=request)

    refused = _("找不到该工会，或您无权把单位划转到那里。")
    if act_in_org(request, form, "union_code", Perm.ORG_EDIT, update, refused=refused) is not None:
        messages.success(request, _("已保存。"))
        return redirect("orgs:enterprise_detail", pk=enterprise.pk)
    return render(request, "orgs/form.html", {"form": form, "org": enterprise.union, "title": _("编辑用人单位")})


@staff_view
@require_POST
def enterprise_reveal_phone(request: HttpRequest, pk: int) -> HttpResponse:
    """The full contact number, for users with the full-data permission; audited."""
    enterprise = selectors.enterprise_get_for(request.user, pk)
    phone = pii_reveal(actor=request.user, obj=enterprise, field="contact_phone", org=enterprise.union, request=request)
    return HttpResponse(phone or "—", content_type="text/plain; charset=utf-8")


@staff_view
def region_options(request: HttpRequest) -> HttpResponse:
    """Region picker suggestions (GB/T 2260 reference data, the same for everyone)."""
    regions = selectors.regions_search(request.GET.get("region_code", "") or request.GET.get("q", ""))
    return render(request, "orgs/_region_options.html", {"regions": regions})
