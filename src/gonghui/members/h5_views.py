"""Worker-facing join and progress pages (public: reached from a union's QR code)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gonghui.common.access import public_view
from gonghui.common.audit import client_ip
from gonghui.common.form_errors import apply_validation_error
from gonghui.common.idcard import normalize_idcard
from gonghui.common.mobile import normalize_mobile
from gonghui.members.forms import JoinForm, ProgressForm
from gonghui.members.models import JoinCampaign
from gonghui.members.selectors import join_progress
from gonghui.members.services import campaign_scan, member_join
from gonghui.members.throttle import progress_lookup_allowed
from gonghui.orgs.models import OrgNode


def _join_page(request: HttpRequest, org: OrgNode, campaign: JoinCampaign | None) -> HttpResponse:
    form = JoinForm(request.POST or None)
    if request.method == "GET" and campaign is not None:
        campaign_scan(campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            result = member_join(org=org, applicant=form.applicant(), campaign=campaign)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return render(request, "members/h5/join_done.html", {"org": org, "result": result})
    return render(request, "members/h5/join.html", {"org": org, "campaign": campaign, "form": form})


@public_view
@never_cache
def join(request: HttpRequest, code: str) -> HttpResponse:
    org: OrgNode = get_object_or_404(OrgNode.objects.select_related("region", "join_policy"), code=code, is_active=True)
    return _join_page(request, org, None)


@public_view
@never_cache
def join_campaign(request: HttpRequest, code: str) -> HttpResponse:
    campaign = get_object_or_404(
        JoinCampaign.objects.select_related("org", "org__join_policy"), code=code, org__is_active=True
    )
    return _join_page(request, campaign.org, campaign)


@public_view
@never_cache
def progress(request: HttpRequest) -> HttpResponse:
    """进度查询 by document number + mobile; throttled per IP so it cannot be used to probe numbers."""
    form = ProgressForm(request.POST or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        if not progress_lookup_allowed(client_ip(request)):
            form.add_error(None, _("查询次数过多，请一小时后再试。"))
        else:
            rows = join_progress(
                id_number=normalize_idcard(form.cleaned_data["id_number"]),
                mobile=normalize_mobile(form.cleaned_data["mobile"]),
            )
            if rows is None:
                form.add_error(None, _("没有查到记录：请核对证件号码和手机号码（须与申请时填写的一致）。"))
            context["rows"] = rows
    return render(request, "members/h5/progress.html", context)
