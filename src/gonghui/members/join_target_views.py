"""Workbench pages for join targets: list, create, progress with funnel and ledgers, Excel, poster."""

from __future__ import annotations

import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gonghui.common.access import staff_view
from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.members.forms import JoinTargetForm
from gonghui.members.join_targets import join_target_create, join_target_progress
from gonghui.members.models import JoinTarget
from gonghui.members.qr import join_link, qr_download, qr_svg
from gonghui.members.selectors import join_targets_for
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org
from gonghui.orgs.roles import Perm


def _join_target(request: HttpRequest, pk: int) -> JoinTarget:
    join_target: JoinTarget = get_object_or_404(join_targets_for(request.user), pk=pk)
    return join_target


@staff_view
def join_target_list(request: HttpRequest) -> HttpResponse:
    rows = [join_target_progress(c) for c in join_targets_for(request.user)[:100]]
    return render(request, "members/join_targets.html", {"rows": rows})


@staff_view
def join_target_new(request: HttpRequest) -> HttpResponse:
    form = JoinTargetForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> JoinTarget:
        fields = {name: value for name, value in form.cleaned_data.items() if name != "org"}
        return join_target_create(actor=request.user, org=org, **fields)

    join_target = act_in_org(
        request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权在那里设立入会目标。")
    )
    if join_target is not None:
        return redirect("members:join_target", pk=join_target.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("设立入会目标")})


@staff_view
def join_target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    join_target = _join_target(request, pk)
    link = join_link(request, join_target_code=join_target.code)
    return render(request, "members/join_target.html", {"p": join_target_progress(join_target), "link": link})


@staff_view
def join_target_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress as Excel: the funnel, one sheet per child union, one per village ledger (aggregates only)."""
    p = join_target_progress(_join_target(request, pk))
    head = [_("名称"), _("已提交申请"), _("已入会")]
    buffer = io.BytesIO()
    write_xlsx(
        buffer,
        [
            Sheet(
                _("总体"),
                [_("目标人数"), _("扫码次数"), _("已提交申请"), _("已入会"), _("完成率")],
                [[p.join_target.target, p.scans, p.submitted, p.joined, f"{p.percent}%"]],
            ),
            Sheet(_("按下级工会"), head, [[line.label, line.submitted, line.joined] for line in p.by_child]),
            Sheet(_("一村一台账"), head, [[line.label, line.submitted, line.joined] for line in p.by_village]),
        ],
    )
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="join-target-{p.join_target.code}.xlsx"'
    return response


@staff_view
def join_target_qr(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    join_target = _join_target(request, pk)
    url = join_link(request, join_target_code=join_target.code)
    return qr_download(url, fmt=fmt, filename=f"join-{join_target.code}")


@staff_view
def join_target_poster(request: HttpRequest, pk: int) -> HttpResponse:
    join_target = _join_target(request, pk)
    url = join_link(request, join_target_code=join_target.code)
    context = {"org": join_target.org, "join_target": join_target, "url": url, "qr": qr_svg(url)}
    return render(request, "members/poster.html", context)
