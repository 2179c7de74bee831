"""Workbench pages of selection rounds (劳模, 工匠, 全员创新企业 …), nominations and honors."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.innovation.choices import NominationStatus, RoundKind
from gonghui.innovation.models import Nomination, SelectionRound
from gonghui.innovation.selections import selectors
from gonghui.innovation.selections import services as selections
from gonghui.innovation.selections.forms import HonorFilterForm, NominationForm, RoundForm
from gonghui.members.selectors import person_in_scope
from gonghui.orgs.drilldown import kept
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.selectors import enterprises_for, org_pick_for

HONORS_SHOWN = 500  # the list shows the newest; its total counts them all


@staff_view
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = selectors.rounds_for(request.user)
    return render(request, "innovation/rounds.html", {"rounds": rounds})


@staff_view
def round_new(request: HttpRequest) -> HttpResponse:
    form = RoundForm(
        request.POST or None, initial={"org": request.GET.get("org", ""), "year": timezone.localdate().year}
    )

    def create(org: OrgNode) -> SelectionRound:
        d = form.cleaned_data
        return selections.round_open(
            actor=request.user,
            kind=d["kind"],
            org=org,
            year=d["year"],
            name=d["name"],
            quota=d["quota"],
            title=d["title"],
            notice_days=d["notice_days"],
            criteria=selections.ENTERPRISE_CRITERIA if d["kind"] == RoundKind.INNOVATIVE_ENTERPRISE else None,
        )

    round_ = act_in_org(request, form, "org", Perm.REVIEW, create, refused=_("找不到该组织，或您无权发起评选。"))
    if round_ is not None:
        messages.success(request, _("已发起评选。"))
        return redirect("innovation:round", pk=round_.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("发起评选")})


@staff_view
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = selectors.round_get_for(request.user, pk)
    nominations = selectors.nominations_for(request.user, round_)
    context = {
        "round": round_,
        "nominations": nominations,
        "form": NominationForm(enterprises=enterprises_for(request.user, union=round_.org)),
        "can_decide": can(request.user, Perm.REVIEW, round_.org),
        "selected": round_.nominations.filter(status=NominationStatus.SELECTED).count(),
    }
    return render(request, "innovation/round.html", context)


@staff_view
@require_POST
def round_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    round_ = selectors.round_get_for(request.user, pk)
    try:
        if action == "nominate":
            _nominate(request, round_)
        elif action == "top":
            n = selections.round_select_top(actor=request.user, round_=round_)
            messages.success(request, _("已按得分选定 %(n)d 个。") % {"n": n})
        elif action == "notice":
            selections.round_notice(actor=request.user, round_=round_)
            messages.success(request, _("已公示。"))
        elif action == "publish":
            n = selections.round_publish(actor=request.user, round_=round_)
            messages.success(request, _("已发布，授予 %(n)d 个。") % {"n": n})
        else:
            nomination = get_object_or_404(round_.nominations, pk=request.POST.get("nomination"))
            if action == "withdraw":
                selections.nomination_withdraw(
                    actor=request.user, nomination=nomination, reason=request.POST.get("note", "")
                )
            else:
                selections.nomination_decide(
                    actor=request.user,
                    nomination=nomination,
                    select=action == "select",
                    note=request.POST.get("note", ""),
                )
            messages.success(request, _("已保存。"))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    return redirect("innovation:round", pk=round_.pk)


def _nominate(request: HttpRequest, round_: SelectionRound) -> None:
    form = NominationForm(request.POST, enterprises=enterprises_for(request.user, union=round_.org))
    if not form.is_valid():
        raise ValidationError([f"{form.fields[k].label}：{e}" for k, errors in form.errors.items() for e in errors])
    d = form.cleaned_data
    nominated_by = org_pick_for(request.user, d["nominated_by"], Perm.ORG_EDIT)
    person = (
        person_in_scope(request.user, d["id_number"], nominated_by, Perm.ORG_EDIT) if d["kind"] == "person" else None
    )
    selections.nominate(
        actor=request.user,
        round_=round_,
        nominated_by=nominated_by,
        kind=d["kind"],
        person=person,
        enterprise=d["enterprise"],
        team_name=d["team_name"],
        is_front_line=d["is_front_line"],
        deeds=d["deeds"],
        scores=d["scores"] or {},
    )
    messages.success(request, _("已推荐。"))


@staff_view
def honor_list(request: HttpRequest) -> HttpResponse:
    """Conferred honors in scope: the drill-down of the honor figures (a union's subtree, the days they were
    conferred in, a level, a kind, the people a share is of)."""
    under = under_org(request)
    form = HonorFilterForm(request.GET)
    # input in error lists nothing, never the whole scope; the form says why
    qs = selectors.honors_for(request.user, form.filters(under)) if form.is_valid() else Nomination.objects.none()
    hidden = kept(request, "under", "year", "nominee", "front_line", "model_worker", "hosted")
    context = {"rows": qs[:HONORS_SHOWN], "found": qs.count(), "form": form, "under": under, "kept": hidden}
    return render(request, "innovation/honors.html", context)
