"""The enterprise portal of the help desk ("企业点菜"): post a need, follow it, confirm and rate the help.

An enterprise contact signs each form with the enterprise's 统一社会信用代码 and the contact phone the
union keeps on record for it: no account needed, and nobody posts in another enterprise's name.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gonghui.common.access import public_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.experts import invitations, selectors, services
from gonghui.experts.forms import ConfirmForm, PortalNeedForm, PortalSignInForm
from gonghui.experts.models import Need
from gonghui.members.throttle import require_submission_slot
from gonghui.members.worker_access import worker_view
from gonghui.orgs.models import OrgNode


@public_view
@never_cache
def post_need(request: HttpRequest, code: str) -> HttpResponse:
    org = get_object_or_404(OrgNode, code=code, is_active=True)
    form = PortalNeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            require_submission_slot(request)
            enterprise = services.enterprise_for_contact(
                uscc=form.cleaned_data["uscc"], phone=form.cleaned_data["phone"]
            )
            if not enterprise.union.path.startswith(org.path):
                raise ValidationError(_("贵单位不在%(org)s服务范围内，请向所属工会提交。") % {"org": org.name})
            need = services.need_post(
                actor=request.user, enterprise=enterprise, text=form.need_text(), org=org, by_portal=True
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return render(request, "experts/h5/posted.html", {"org": org, "need": need})
    return render(request, "experts/h5/post.html", {"org": org, "form": form})


@public_view
@never_cache
def my_needs(request: HttpRequest) -> HttpResponse:
    """Sign in with code + phone to list the enterprise's needs; those awaiting confirmation get a form."""
    form = PortalSignInForm(request.POST or None) if "need" not in request.POST else PortalSignInForm(request.POST)
    confirm = ConfirmForm(request.POST) if "need" in request.POST else None
    enterprise, needs, done = None, [], ""
    if request.method == "POST" and form.is_valid():
        try:
            require_submission_slot(request)
            enterprise = services.enterprise_for_contact(
                uscc=form.cleaned_data["uscc"], phone=form.cleaned_data["phone"]
            )
            if confirm is not None:
                if not confirm.is_valid():
                    raise ValidationError(_("请选择问题是否解决，并为服务打分。"))
                d = confirm.cleaned_data
                need = get_object_or_404(Need, pk=d["need"], enterprise=enterprise)
                services.need_confirm(
                    enterprise=enterprise, need=need, resolved=d["resolved"], rating=d["rating"], comment=d["comment"]
                )
                done = _("感谢您的评价！") if d["resolved"] else _("已反馈给工会，工会将继续跟进。")
            needs = list(selectors.needs_of_enterprise(enterprise))
        except ValidationError as exc:
            apply_validation_error(form, exc)
    context = {"form": form, "enterprise": enterprise, "needs": needs, "done": done}
    return render(request, "experts/h5/mine.html", context)


@worker_view
@never_cache
def invitation(request: HttpRequest, pk: int) -> HttpResponse:
    """An invitation to a pool, for the signed-in worker it was meant for: accept or decline."""
    person = request.person  # type: ignore[attr-defined]
    found = invitations.invitation_of(person, pk)
    if found is None:
        raise Http404
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        try:
            invitations.invitation_answer(person=person, pk=pk, accept=accept)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.info(request, _("已加入专家库，工会将按您的专长派单。") if accept else _("已谢绝邀请。"))
            return redirect("portal:me")
    return render(request, "experts/h5/invitation.html", {"invitation": found})
