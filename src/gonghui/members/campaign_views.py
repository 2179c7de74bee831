"""Workbench pages for join targets: list, create, progress with funnel and ledgers, Excel, poster."""

from __future__ import annotations

import io

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gonghui.common.access import staff_view
from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.members.campaigns import campaign_create, campaign_progress
from gonghui.members.forms import CampaignForm
from gonghui.members.models import JoinCampaign
from gonghui.members.qr import join_link, qr_download, qr_svg
from gonghui.members.selectors import campaigns_for
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org
from gonghui.orgs.roles import Perm


def _campaign(request: HttpRequest, pk: int) -> JoinCampaign:
    campaign: JoinCampaign = get_object_or_404(campaigns_for(request.user), pk=pk)
    return campaign


@staff_view
def campaign_list(request: HttpRequest) -> HttpResponse:
    rows = [campaign_progress(c) for c in campaigns_for(request.user)[:100]]
    return render(request, "members/campaigns.html", {"rows": rows})


@staff_view
def campaign_new(request: HttpRequest) -> HttpResponse:
    form = CampaignForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> JoinCampaign:
        fields = {name: value for name, value in form.cleaned_data.items() if name != "org"}
        return campaign_create(actor=request.user, org=org, **fields)

    campaign = act_in_org(
        request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权在那里设立入会目标。")
    )
    if campaign is not None:
        return redirect("members:campaign", pk=campaign.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("设立入会目标")})


@staff_view
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    link = join_link(request, campaign_code=campaign.code)
    return render(request, "members/campaign.html", {"p": campaign_progress(campaign), "link": link})


@staff_view
def campaign_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress as Excel: the funnel, one sheet per child union, one per village ledger (aggregates only)."""
    p = campaign_progress(_campaign(request, pk))
    head = [_("名称"), _("已提交申请"), _("已入会")]
    buffer = io.BytesIO()
    write_xlsx(
        buffer,
        [
            Sheet(
                _("总体"),
                [_("目标人数"), _("扫码次数"), _("已提交申请"), _("已入会"), _("完成率")],
                [[p.campaign.target, p.scans, p.submitted, p.joined, f"{p.percent}%"]],
            ),
            Sheet(_("按下级工会"), head, [[line.label, line.submitted, line.joined] for line in p.by_child]),
            Sheet(_("一村一台账"), head, [[line.label, line.submitted, line.joined] for line in p.by_village]),
        ],
    )
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="join-target-{p.campaign.code}.xlsx"'
    return response


@staff_view
def campaign_qr(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in ("svg", "png"):
        raise Http404
    campaign = _campaign(request, pk)
    url = join_link(request, campaign_code=campaign.code)
    return qr_download(url, fmt=fmt, filename=f"join-{campaign.code}")


@staff_view
def campaign_poster(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    url = join_link(request, campaign_code=campaign.code)
    context = {"org": campaign.org, "campaign": campaign, "url": url, "qr": qr_svg(url)}
    return render(request, "members/poster.html", context)
