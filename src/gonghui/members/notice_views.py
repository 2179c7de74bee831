"""Workbench: 工会通知, posted to the members of a union and of every union under it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome
from gonghui.common.paging import page_context
from gonghui.members.forms import NoticeForm
from gonghui.members.models import Notice
from gonghui.members.notices import notice_post, notice_withdraw, notices_for
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org
from gonghui.orgs.roles import Perm


@staff_view
def notices(request: HttpRequest) -> HttpResponse:
    """The notices in the user's scope, and the form to post one (the POST checks the chosen union)."""
    form = NoticeForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def post(org: OrgNode) -> Notice:
        d = form.cleaned_data
        return notice_post(actor=request.user, org=org, title=d["title"], body=d["body"])

    if act_in_org(request, form, "org", Perm.ORG_EDIT, post, refused=_("找不到该组织，或您无权发布通知。")):
        messages.success(request, _("已发布，会员可在手机“我的”中看到。"))
        return redirect("members:notices")
    return render(request, "members/notices.html", {**page_context(request, notices_for(request.user)), "form": form})


@staff_view
@require_POST
def notice_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(notices_for(request.user), pk=pk)

    def withdraw() -> str:
        notice_withdraw(actor=request.user, notice=notice)
        return _("已撤回。")

    flash_outcome(request, withdraw)
    return redirect("members:notices")
