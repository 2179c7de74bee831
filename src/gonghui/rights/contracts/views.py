"""Workbench pages of 集体合同: the list (the figures' drill-down), opening a negotiation (要约), a contract's
page (each stage's form in turn, terms, coverage, documents, renewal), a document, and the expiring list
with the reminders sent. Read with Perm.VIEW, write with Perm.ORG_EDIT on the negotiating union."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.contracts import selectors, services, stages
from gonghui.rights.contracts.choices import ContractLevel
from gonghui.rights.contracts.forms import (
    ContractForm,
    CoverageForm,
    DateForm,
    DeliberateForm,
    DocumentForm,
    ExpiringForm,
    FilterForm,
    MeetingForm,
    TermsForm,
    codes,
)
from gonghui.rights.contracts.models import Contract, Document


@staff_view
def contract_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    under = under_org(request)
    qs = selectors.contracts_for(
        request.user,
        under=under,
        year=d.get("year"),
        kind=d.get("kind", ""),
        level=d.get("level", ""),
        stage=d.get("stage", ""),
        soon=bool(d.get("soon")),
        q=d.get("q", ""),
    )
    return render(request, "contracts/list.html", {**page_context(request, qs), "form": form, "under": under})


@staff_view
def expiring(request: HttpRequest) -> HttpResponse:
    """Signed contracts ending within ?days= (90 unless given; the dashboard's alert asks for 60), not yet
    renewed, soonest first, with the reminders sent; ?under= narrows them to a union's subtree."""
    under = under_org(request)
    form = ExpiringForm(request.GET)
    if form.is_valid():
        days = form.days_or_default()
        qs = selectors.expiring(selectors.contracts_for(request.user, under=under), days=days)
        rows = list(qs.prefetch_related("reminders").order_by("ends_on")[:500])
    else:  # a window in error lists nothing; the form says why
        days, rows = selectors.EXPIRING_DAYS, []
    return render(request, "contracts/expiring.html", {"rows": rows, "under": under, "days": days, "form": form})


@staff_view
def contract_new(request: HttpRequest) -> HttpResponse:
    form = ContractForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def open_(org: OrgNode) -> Contract:
        d = form.cleaned_data
        found = selectors.enterprises_named(request.user, codes(d["enterprises"]), org)
        enterprise = found[0] if d["level"] == ContractLevel.ENTERPRISE else None
        if enterprise is not None and len(found) > 1:
            raise ValidationError({"enterprises": _("企业集体合同只填本企业一家。")})
        return services.contract_open(
            actor=acting_user(request),
            org=org,
            level=d["level"],
            kind=d["kind"],
            title=d["title"],
            terms=form.terms(),
            offered_on=d["offered_on"],
            offered_by=d["offered_by"],
            enterprise=enterprise,
            enterprises=found,
        )

    made = act_in_org(request, form, "org", Perm.ORG_EDIT, open_, refused=_("找不到该工会，或您无权协商集体合同。"))
    if made is not None:
        messages.success(request, _("已登记要约，请登记协商会议。"))
        return redirect("contracts:detail", pk=made.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("登记集体协商要约")})


@staff_view
def contract_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contract = selectors.contract_get_for(request.user, pk)
    context: dict[str, Any] = {
        "contract": contract,
        "covered": selectors.covered(contract),
        "meetings": list(contract.meetings.prefetch_related("documents").order_by("held_on", "pk")),
        "documents": list(contract.documents.order_by("pk")),
        "reminders": list(contract.reminders.order_by("sent_at")),
        "renewal": selectors.renewal_of(contract),
        "can_edit": can(request.user, Perm.ORG_EDIT, contract.org),
        "meeting_form": MeetingForm(),
        "deliberate_form": DeliberateForm(sessions=selectors.sessions_for_contract(contract)),
        "date_form": DateForm(),
        "terms_form": TermsForm(initial={f: getattr(contract, f) for f in TermsForm.base_fields}),
        "coverage_form": CoverageForm(
            initial={"enterprises": "\n".join(c.enterprise.uscc for c in selectors.covered(contract))}
        ),
        "document_form": DocumentForm(),
    }
    return render(request, "contracts/detail.html", context)


def _on(request: HttpRequest, contract: Contract, step: Any, done: str) -> None:
    def run(d: dict[str, Any]) -> str:
        step(actor=acting_user(request), contract=contract, **{STEP_DATES[step]: d["on"]})
        return done

    form_action(request, DateForm(request.POST), run)


STEP_DATES: dict[Any, str] = {
    stages.contract_sign: "signed_on",
    stages.contract_file: "filed_on",
    stages.contract_publish: "published_on",
}


@staff_view
@require_POST
def contract_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    contract = selectors.contract_get_for(request.user, pk, Perm.ORG_EDIT)
    actor = acting_user(request)
    if action == "meeting":

        def meet(d: dict[str, Any]) -> str:
            file = d["minutes"]
            stages.meeting_record(
                actor=actor,
                contract=contract,
                held_on=d["held_on"],
                summary=d["summary"],
                minutes=file,
                size=file.size if file else 0,
            )
            return _("已登记协商会议。")

        form_action(request, MeetingForm(request.POST, request.FILES), meet)
    elif action == "deliberate":

        def deliberate(d: dict[str, Any]) -> str:
            session = next((s for s in selectors.sessions_for_contract(contract) if s.pk == d["session"]), None)
            if session is None:
                raise ValidationError(_("所选会议不是本企业的职代会。"))
            stages.contract_deliberate(actor=actor, contract=contract, session=session)
            return _("已登记职代会审议。")

        form_action(
            request, DeliberateForm(request.POST, sessions=selectors.sessions_for_contract(contract)), deliberate
        )
    elif action == "sign":
        _on(request, contract, stages.contract_sign, _("已登记签订。请在10日内报送人社部门审查。"))
    elif action == "file":
        _on(request, contract, stages.contract_file, _("已登记报送审查。"))
    elif action == "publish":
        _on(request, contract, stages.contract_publish, _("已登记公示。"))
    elif action == "terms":
        tform = TermsForm(request.POST)
        form_action(
            request, tform, lambda d: _saved(services.terms_set(actor=actor, contract=contract, terms=tform.terms()))
        )
    elif action == "coverage":

        def cover(d: dict[str, Any]) -> str:
            found = selectors.enterprises_named(request.user, codes(d["enterprises"]), contract.org)
            services.coverage_set(actor=actor, contract=contract, enterprises=found)
            return _("已保存覆盖企业。")

        form_action(request, CoverageForm(request.POST), cover)
    elif action == "document":

        def attach(d: dict[str, Any]) -> str:
            stages.document_attach(actor=actor, contract=contract, kind=d["kind"], file=d["file"], size=d["file"].size)
            return _("已上传材料。")

        form_action(request, DocumentForm(request.POST, request.FILES), attach)
    elif action == "renew":
        renewed: list[Contract] = []
        flash_outcome(request, lambda: _renewed(renewed, services.contract_renew(actor=actor, contract=contract)))
        if renewed:
            return redirect("contracts:detail", pk=renewed[0].pk)
    else:
        raise Http404
    return redirect("contracts:detail", pk=contract.pk)


def _saved(contract: Contract) -> str:
    return _("已保存合同条款。")


def _renewed(into: list[Contract], made: Contract) -> str:
    into.append(made)
    return _("已登记续签要约，请开始新一轮协商。")


@staff_view
def document(request: HttpRequest, pk: int) -> FileResponse:
    found: Document | None = Document.objects.select_related("contract").filter(pk=pk).first()
    if found is None:
        raise Http404
    selectors.contract_get_for(request.user, found.contract_id)
    return FileResponse(found.file.open("rb"), content_type=found.content_type)
