"""The enterprise portal of the help desk ("企业点菜"): post a need, follow it, confirm and rate the help;
and a worker's invitation to an expert pool.

An enterprise's contact proves the phone the union keeps on record for the enterprise with a code sent to
it (signed-in workers whose number on record it is need no new code): no account needed, and nobody
posts or confirms in another enterprise's name.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gonghui.common.form_errors import apply_validation_error
from gonghui.common.ratelimits import check_rate
from gonghui.experts import invitations, selectors, services
from gonghui.experts.forms import ConfirmForm, PortalNeedForm
from gonghui.experts.models import Need
from gonghui.members.worker_access import phone_view, worker_view
from gonghui.orgs.models import OrgNode


@phone_view
@never_cache
def post_need(request: HttpRequest, code: str) -> HttpResponse:
    org = get_object_or_404(OrgNode, code=code, is_active=True)
    enterprises = selectors.enterprises_of_contact(request.mobile_hmac).filter(  # type: ignore[attr-defined]
        union__path__startswith=org.path
    )
    form = PortalNeedForm(request.POST or None, enterprises=enterprises)
    if request.method == "POST" and form.is_valid():
        try:
            check_rate(request, form="desk-post", identities={"mobile": request.mobile_hmac})  # type: ignore[attr-defined]
            need = services.need_post(
                actor=request.user,
                enterprise=form.cleaned_data["enterprise"],
                text=form.need_text(),
                org=org,
                by_portal=True,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return render(request, "experts/h5/posted.html", {"org": org, "need": need})
    context = {"org": org, "form": form, "has_enterprise": enterprises.exists()}
    return render(request, "experts/h5/post.html", context)


@phone_view
@never_cache
def my_needs(request: HttpRequest) -> HttpResponse:
    """The needs of the enterprises whose contact phone the visitor proved; those awaiting them get a form."""
    enterprises = selectors.enterprises_of_contact(request.mobile_hmac)  # type: ignore[attr-defined]
    done, error = "", ""
    if request.method == "POST":
        confirm = ConfirmForm(request.POST)
        try:
            if not confirm.is_valid():
                raise ValidationError(_("请选择问题是否解决，并为服务打分。"))
            d = confirm.cleaned_data
            mine = Need.objects.select_related("enterprise").filter(enterprise__in=enterprises)
            need = get_object_or_404(mine, pk=d["need"])
            services.need_confirm(
                enterprise=need.enterprise, need=need, resolved=d["resolved"], rating=d["rating"], comment=d["comment"]
            )
            done = _("感谢您的评价！") if d["resolved"] else _("已反馈给工会，工会将继续跟进。")
        except ValidationError as exc:
            error = "；".join(exc.messages)
    needs = list(selectors.needs_of_enterprises(enterprises))
    context = {"enterprises": list(enterprises), "needs": needs, "done": done, "error": error}
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
