"""Workbench actions of the 五小 review: the queue, recommending, scoring, closing a level, notice and awards."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.common.paging import cursor, page_after
from gonghui.innovation.models import Objection, ReviewStage
from gonghui.innovation.projects import panels, selectors
from gonghui.innovation.projects.calls import call_quota_set
from gonghui.innovation.projects.forms import PanelSeatForm, QuotaForm, RecommendForm, ResolveForm
from gonghui.innovation.projects.results import call_announce, call_confirm_awards, objection_resolve
from gonghui.innovation.projects.review import level_close, scorecard_submit, stage_recommend
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for
from gonghui.orgs.selectors import org_pick_for


@staff_view
def queue(request: HttpRequest) -> HttpResponse:
    stages, next_after = page_after(selectors.review_queue_for(request.user), after=cursor(request.GET.get("after")))
    return render(request, "innovation/queue.html", {"stages": stages, "next_after": next_after})


def _stage_for(request: HttpRequest, pk: int) -> ReviewStage:
    stage = get_object_or_404(ReviewStage.objects.select_related("project", "org"), pk=pk)
    selectors.project_get_for(request.user, stage.project_id)  # 404 unless visible (scope or panel seat)
    return stage


@staff_view
@require_POST
def stage_decide(request: HttpRequest, pk: int) -> HttpResponse:
    stage = _stage_for(request, pk)

    def decide(d: dict[str, object]) -> str:
        recommend = request.POST.get("decision") == "recommend"
        stage_recommend(actor=request.user, stage=stage, recommend=recommend, note=str(d.get("note") or ""))
        return _("已推荐到上一级评审。") if recommend else _("已作不推荐处理。")

    form_action(request, RecommendForm(request.POST), decide)
    return redirect("innovation:project", pk=stage.project_id)


@staff_view
@require_POST
def scorecard(request: HttpRequest, pk: int) -> HttpResponse:
    stage = _stage_for(request, pk)
    points = {key[1:]: value for key, value in request.POST.items() if key.startswith("c") and key[1:].isdigit()}
    try:
        card = scorecard_submit(actor=request.user, stage=stage, points=points, comment=request.POST.get("comment", ""))
    except PermissionDenied:
        messages.error(request, _("您不是这一级的评审专家，不能评分。"))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已保存评分：%(total)s 分。") % {"total": card.total})
    return redirect("innovation:project", pk=stage.project_id)


@staff_view
@require_POST
def close_level(request: HttpRequest, pk: int, org_id: int) -> HttpResponse:
    call = selectors.call_get_for(request.user, pk)
    org = get_object_or_404(scope_for(request.user).orgs(), pk=org_id)

    def close() -> str:
        stages = level_close(actor=request.user, call=call, org=org)
        return _("%(org)s评审结束：%(n)d 个项目已排名。") % {"org": org.name, "n": len(stages)}

    flash_outcome(request, close)
    return redirect("innovation:call", pk=call.pk)


@staff_view
@require_POST
def announce(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_get_for(request.user, pk)
    flash_outcome(
        request,
        lambda: _("评审结果已公示：%(n)d 个项目拟获奖。") % {"n": call_announce(actor=request.user, call=call)},
    )
    return redirect("innovation:call", pk=call.pk)


@staff_view
@require_POST
def confirm_awards(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_get_for(request.user, pk)
    flash_outcome(
        request,
        lambda: (
            _("已确认 %(n)d 个获奖项目并生成电子证书。") % {"n": call_confirm_awards(actor=request.user, call=call)}
        ),
    )
    return redirect("innovation:call", pk=call.pk)


@staff_view
@require_POST
def set_quota(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_get_for(request.user, pk)

    def save(d: dict[str, Any]) -> str:
        org = org_pick_for(request.user, d["org"])
        call_quota_set(actor=request.user, call=call, org=org, quota=d["quota"])
        return _("已设置%(org)s的推荐名额。") % {"org": org.name}

    form_action(request, QuotaForm(request.POST), save)
    return redirect("innovation:call", pk=call.pk)


@staff_view
@require_POST
def panel_seat_add(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_get_for(request.user, pk)

    def seat(d: dict[str, Any]) -> str:
        try:
            org = org_pick_for(request.user, d["org"], Perm.REVIEW)
        except (Http404, PermissionDenied) as exc:
            raise ValidationError({"org": _("找不到该组织，或您无权在那里安排评审。")}) from exc
        seat = panels.panel_seat_named(
            actor=request.user,
            call=call,
            org=org,
            username=d["username"],
            enterprise_uscc=d["enterprise_uscc"],
            request=request,
        )
        return _("已将%(name)s加入%(org)s评审专家组。") % {"name": seat.user, "org": org.name}

    form_action(request, PanelSeatForm(request.POST), seat)
    return redirect("innovation:call", pk=call.pk)  # the page's top, where the outcome is said


@staff_view
@require_POST
def panel_seat_remove(request: HttpRequest, pk: int) -> HttpResponse:
    seat = panels.seat_get_for(request.user, pk, Perm.REVIEW)
    call_pk = seat.panel.call_id

    def unseat() -> str:
        panels.panel_unseat(actor=request.user, seat=seat, request=request)
        return _("已将%(name)s移出评审专家组。") % {"name": seat.user}

    flash_outcome(request, unseat)
    return redirect("innovation:call", pk=call_pk)


@staff_view
@require_POST
def resolve_objection(request: HttpRequest, pk: int) -> HttpResponse:
    objection = get_object_or_404(Objection.objects.select_related("project__call__org"), pk=pk)
    selectors.project_get_for(request.user, objection.project_id)

    def resolve(d: dict[str, object]) -> str:
        objection_resolve(
            actor=request.user, objection=objection, upheld=bool(d["upheld"]), resolution=str(d["resolution"])
        )
        return _("已处理异议。")

    form_action(request, ResolveForm(request.POST), resolve)
    return redirect("innovation:project", pk=objection.project_id)
