"""The case page's actions (accept, decline, parties, panel, session, agreement, withdrawal, referral,
司法确认, a payment made) and the panels page (panels, their members, the collective threshold)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.accounts.models import User
from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import org_from_form
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.mediation import intake, outcomes, panels, selectors
from gonghui.rights.mediation.forms import (
    AcceptForm,
    AgreementForm,
    AssignForm,
    JudicialApplyForm,
    JudicialDecideForm,
    MediatorForm,
    PaidForm,
    PanelForm,
    PartiesForm,
    ReasonForm,
    ReferForm,
    SessionForm,
    SettingForm,
    parse_workers,
)
from gonghui.rights.mediation.models import Agreement, Dispute, Mediator, Panel, Payment

Action = Callable[[User, Dispute, dict[str, Any]], str]


def _agreement(dispute: Dispute) -> Agreement:
    found: Agreement | None = getattr(dispute, "agreement", None)
    if found is None:
        raise ValidationError(_("该案件还没有调解协议。"))
    return found


def _panel(dispute: Dispute, pk: int | None) -> Panel:
    panel = selectors.panels_open_to(dispute).filter(pk=pk or 0).first()
    if panel is None:
        raise ValidationError({"panel": _("只能指派本会或上级工会的在用调解组织。")})
    return panel


def _mediator(pk: int | None) -> Mediator | None:
    return Mediator.objects.filter(pk=pk).first() if pk else None


def _accept(user: User, d: Dispute, f: dict[str, Any]) -> str:
    intake.dispute_accept(actor=user, dispute=d, enterprise_uscc=f["enterprise"])
    return _("已受理。")


def _decline(user: User, d: Dispute, f: dict[str, Any]) -> str:
    intake.dispute_decline(actor=user, dispute=d, reason=f["reason"])
    return _("已不予受理，申请人可在“我的”看到原因。")


def _parties(user: User, d: Dispute, f: dict[str, Any]) -> str:
    intake.parties_add(actor=user, dispute=d, workers=parse_workers(f["workers"]))
    return _("已增加职工当事人。")


def _assign(user: User, d: Dispute, f: dict[str, Any]) -> str:
    outcomes.dispute_assign(actor=user, dispute=d, panel=_panel(d, f["panel"]), mediator=_mediator(f["mediator"]))
    return _("已指派调解组织。")


def _session(user: User, d: Dispute, f: dict[str, Any]) -> str:
    outcomes.session_record(
        actor=user,
        dispute=d,
        held_on=f["held_on"],
        minutes=f["minutes"],
        place=f["place"],
        mediator=_mediator(f["mediator"]),
    )
    return _("已登记调解记录。")


def _agree(user: User, d: Dispute, f: dict[str, Any]) -> str:
    outcomes.agreement_record(
        actor=user,
        dispute=d,
        terms=f["terms"],
        amount=f["amount"],
        signed_on=f["signed_on"],
        worker_signatory=f["worker_signatory"],
        worker_confirmed_on=f["worker_confirmed_on"],
        enterprise_signatory=f["enterprise_signatory"],
        enterprise_confirmed_on=f["enterprise_confirmed_on"],
        payments=f["payments"],
    )
    return _("已登记调解协议，可下载调解协议书。")


def _withdraw(user: User, d: Dispute, f: dict[str, Any]) -> str:
    outcomes.dispute_withdraw(actor=user, dispute=d, reason=f["reason"])
    return _("已登记撤回。")


def _refer(user: User, d: Dispute, f: dict[str, Any]) -> str:
    outcomes.dispute_refer(actor=user, dispute=d, to=f["to"], note=f["note"])
    return _("已登记调解不成，转出。")


def _judicial_apply(user: User, d: Dispute, f: dict[str, Any]) -> str:
    outcomes.judicial_apply(actor=user, agreement=_agreement(d), court=f["court"], applied_on=f["applied_on"])
    return _("已登记申请司法确认。")


def _judicial_decide(user: User, d: Dispute, f: dict[str, Any]) -> str:
    outcomes.judicial_decide(
        actor=user,
        agreement=_agreement(d),
        confirmed=f["decision"] == "confirmed",
        decided_on=f["decided_on"],
        note=f["note"],
    )
    return _("已登记法院裁定。")


def _paid(user: User, d: Dispute, f: dict[str, Any]) -> str:
    payment = Payment.objects.filter(agreement__dispute=d, pk=f["payment"]).select_related("agreement__dispute__org")
    found = payment.first()
    if found is None:
        raise ValidationError(_("找不到该期支付安排。"))
    outcomes.payment_paid(actor=user, payment=found, paid_on=f["paid_on"])
    return _("已登记支付。")


ACTIONS: dict[str, tuple[type[Form], Action]] = {
    "accept": (AcceptForm, _accept),
    "decline": (ReasonForm, _decline),
    "parties": (PartiesForm, _parties),
    "assign": (AssignForm, _assign),
    "session": (SessionForm, _session),
    "agreement": (AgreementForm, _agree),
    "withdraw": (ReasonForm, _withdraw),
    "refer": (ReferForm, _refer),
    "judicial_apply": (JudicialApplyForm, _judicial_apply),
    "judicial_decide": (JudicialDecideForm, _judicial_decide),
    "paid": (PaidForm, _paid),
}


@staff_view
@require_POST
def dispute_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    user = acting_user(request)
    dispute = selectors.dispute_get_for(user, pk, request=request, audit=False)
    form_class, run = ACTIONS[action]
    form_action(request, form_class(request.POST), lambda f: run(user, dispute, f))
    return redirect("mediation:detail", pk=pk)


# --- panels ---------------------------------------------------------------------------------------


@staff_view
def panel_list(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.panels_for(acting_user(request))[:200])
    context = {"rows": rows, "panel_form": PanelForm(), "mediator_form": MediatorForm(), "setting_form": SettingForm()}
    return render(request, "mediation/panels.html", context)


def _org(request: HttpRequest, text: str) -> OrgNode:
    try:
        return org_from_form(request, text, Perm.RIGHTS)
    except (Http404, PermissionDenied):
        raise ValidationError(_("找不到该工会，或您不是该会的维权专员。")) from None


@staff_view
@require_POST
def panel_act(request: HttpRequest, action: str) -> HttpResponse:
    user = acting_user(request)
    if action == "create":

        def create(d: dict[str, Any]) -> str:
            org = _org(request, d["org"])
            panels.panel_create(actor=user, org=org, name=d["name"], kind=d["kind"], place=d["place"])
            return _("已设立调解组织。")

        form_action(request, PanelForm(request.POST), create)
    elif action == "member":

        def member(d: dict[str, Any]) -> str:
            panel = selectors.panel_get_for(user, d["panel"])
            panels.mediator_add(actor=user, panel=panel, name=d["name"], body=d["body"], title=d["title"])
            return _("已增加调解员。")

        form_action(request, MediatorForm(request.POST), member)
    elif action == "setting":

        def setting(d: dict[str, Any]) -> str:
            panels.setting_set(actor=user, org=_org(request, d["org"]), collective_min=d["collective_min"])
            return _("已保存集体争议起点人数。")

        form_action(request, SettingForm(request.POST), setting)
    else:
        raise Http404
    return redirect("mediation:panels")
