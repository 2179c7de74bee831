"""Workbench pages for the staff accounts a cadre manages (see orgs.staff_accounts). Thin."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome
from gonghui.orgs.forms import StaffCreateForm, StaffGrantForm, StaffPasswordResetForm
from gonghui.orgs.models import OrgNode, StaffRole
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for
from gonghui.orgs.staff_accounts import (
    IssuedPassword,
    acting_user,
    staff_account_create,
    staff_account_get_for,
    staff_account_set_active,
    staff_accounts_for,
    staff_password_reset,
    staff_role_grant,
    staff_role_revoke,
)


def _issued(request: HttpRequest, issued: IssuedPassword, *, reset: bool = False) -> HttpResponse:
    """The one-time password, on a page that is never cached and never redirected to (so not in any URL)."""
    context = {"account": issued.account, "password": issued.password, "reset": reset}
    return render(request, "orgs/staff_password.html", context)


@staff_view
def staff_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    under = under_org(request)
    accounts = staff_accounts_for(acting_user(request), q=q, org=under)
    page = Paginator(accounts, 50).get_page(request.GET.get("page"))
    can_manage = not scope_for(request.user, Perm.STAFF_MANAGE).is_empty
    return render(request, "orgs/staff_list.html", {"page": page, "q": q, "under": under, "can_manage": can_manage})


@staff_view
@never_cache
def staff_add(request: HttpRequest) -> HttpResponse:
    if scope_for(request.user, Perm.STAFF_MANAGE).is_empty:
        raise PermissionDenied
    form = StaffCreateForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> IssuedPassword:
        d = form.cleaned_data
        return staff_account_create(
            actor=acting_user(request),
            username=d["username"],
            display_name=d["display_name"],
            org=org,
            role=d["role"],
            request=request,
        )

    issued = act_in_org(
        request, form, "org", Perm.STAFF_MANAGE, create, refused=_("找不到该组织，或您无权在那里管理工作人员。")
    )
    if issued is not None:
        return _issued(request, issued)
    return render(request, "orgs/staff_add.html", {"form": form})


@staff_view
def staff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = staff_account_get_for(acting_user(request), pk)
    grant_form = StaffGrantForm(request.POST or None)

    def grant(org: OrgNode) -> StaffRole:
        return staff_role_grant(
            actor=acting_user(request), account=account, org=org, role=grant_form.cleaned_data["role"], request=request
        )

    refused = _("找不到该组织，或您无权在那里管理工作人员。")
    if act_in_org(request, grant_form, "org", Perm.STAFF_MANAGE, grant, refused=refused) is not None:
        messages.success(request, _("已授予角色。"))
        return redirect("orgs:staff_detail", pk=account.pk)
    context = {"account": account, "grant_form": grant_form, "reset_form": StaffPasswordResetForm()}
    return render(request, "orgs/staff_detail.html", context)


@staff_view
@require_POST
def staff_role_remove(request: HttpRequest, pk: int, role_pk: int) -> HttpResponse:
    account = staff_account_get_for(acting_user(request), pk)
    staff_role = get_object_or_404(StaffRole.objects.select_related("org", "user"), pk=role_pk, user=account)

    def revoke() -> str:
        staff_role_revoke(actor=acting_user(request), staff_role=staff_role, request=request)
        return _("已撤销角色。")

    flash_outcome(request, revoke)
    return redirect("orgs:staff_detail", pk=account.pk)


@staff_view
@require_POST
@never_cache
def staff_reset(request: HttpRequest, pk: int) -> HttpResponse:
    account = staff_account_get_for(acting_user(request), pk)
    form = StaffPasswordResetForm(request.POST)
    form.is_valid()  # one optional checkbox: always valid
    issued = staff_password_reset(
        actor=acting_user(request),
        account=account,
        reset_second_factor=bool(form.cleaned_data.get("reset_second_factor")),
        request=request,
    )
    return _issued(request, issued, reset=True)


@staff_view
@require_POST
def staff_set_active(request: HttpRequest, pk: int) -> HttpResponse:
    account = staff_account_get_for(acting_user(request), pk)
    active = request.POST.get("active") == "1"
    staff_account_set_active(actor=acting_user(request), account=account, active=active, request=request)
    messages.success(request, _("账号已启用。") if active else _("账号已停用，已登录的设备随即退出。"))
    return redirect("orgs:staff_detail", pk=account.pk)
