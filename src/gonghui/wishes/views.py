"""Workbench pages of 微心愿: the list, posting for a hardship family, a wish's page (vet, edit the public
text, claim at the desk, record delivery, confirm for a family), delivery photos, and the unions' rules."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.assistance.models import HardshipFile
from gonghui.assistance.selectors import file_get_for
from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.common.paging import page_context
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.staff_accounts import acting_user
from gonghui.wishes import claims, selectors, services
from gonghui.wishes.choices import LIVE_CLAIM, ClaimantKind
from gonghui.wishes.forms import (
    ConfirmForm,
    DeskClaimForm,
    FamilyWishForm,
    FulfilForm,
    PolicyForm,
    PublicEditForm,
    VetForm,
    WishFilterForm,
)
from gonghui.wishes.models import Wish
from gonghui.wishes.rules import rules_for


@staff_view
def wish_list(request: HttpRequest) -> HttpResponse:
    """The wishes in scope, with how many and their value; a figure's drill-down narrows them to a union's
    subtree (?under=), a status group and the days they were posted (start, end)."""
    claims.claims_expire()
    form = WishFilterForm(request.GET)
    under = under_org(request)
    if form.is_valid():
        d = form.cleaned_data
        start, end = form.span()
        qs = selectors.wishes_for(
            request.user,
            status=d["status"],
            source=d["source"],
            category=d["category"],
            under=under,
            year=d["year"],
            start=start,
            end=end,
            q=d["q"],
        )
    else:  # input in error lists nothing, never the whole scope; the form says why
        qs = Wish.objects.none()
    context = {**page_context(request, qs), "form": form, "under": under, "totals": selectors.wish_totals(qs)}
    return render(request, "wishes/list.html", context)


def _hardship_file(request: HttpRequest, pk: int | None) -> HardshipFile | None:
    if pk is None:
        return None
    try:
        return file_get_for(request.user, pk, request=request)
    except (Http404, PermissionDenied) as exc:
        raise ValidationError({"hardship_file": _("找不到该困难职工档案，或您没有帮扶权限。")}) from exc


@staff_view
def wish_new(request: HttpRequest) -> HttpResponse:
    """A cadre posts a wish for a hardship family's child."""
    form = FamilyWishForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> Wish:
        found = _hardship_file(request, form.cleaned_data.get("hardship_file"))
        data = form.wish_fields()
        return services.wish_post_for_family(actor=acting_user(request), org=org, data=data, hardship_file=found)

    wish = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权发布心愿。"))
    if wish is not None:
        messages.success(request, _("已代发心愿，审核通过后上心愿墙。"))
        return redirect("wishes:detail", pk=wish.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("代困难家庭发布微心愿")})


@staff_view
def wish_detail(request: HttpRequest, pk: int) -> HttpResponse:
    wish = selectors.wish_get_for(request.user, pk)
    claims.claims_expire(wish=wish)
    history = list(selectors.claims_of_wish(wish))
    context: dict[str, Any] = {
        "wish": wish,
        "claims": history,
        "live": next((c for c in history if c.status in LIVE_CLAIM), None),
        "rules": rules_for(wish.org),
        "can_review": can(request.user, Perm.REVIEW, wish.org),
        "can_edit": can(request.user, Perm.ORG_EDIT, wish.org),
        # Who a family wish is for, and its hardship file, only for those who may read hardship files.
        "sees_family": wish.hardship_file_id is None or can(request.user, Perm.ASSISTANCE, wish.org),
        "vet_form": VetForm(initial={"title": wish.title, "public_text": wish.public_text or wish.text}),
        "edit_form": PublicEditForm(initial={"title": wish.title, "public_text": wish.public_text}),
        "claim_form": DeskClaimForm(),
        "fulfil_form": FulfilForm(),
        "confirm_form": ConfirmForm(),
    }
    return render(request, "wishes/detail.html", context)


@staff_view
@require_POST
def wish_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    wish = selectors.wish_get_for(request.user, pk)
    actor = acting_user(request)
    if action == "vet":

        def vet(d: dict[str, Any]) -> str:
            approve = d["decision"] == "approve"
            services.wish_vet(
                actor=actor,
                wish=wish,
                approve=approve,
                title=d["title"],
                public_text=d["public_text"],
                reason=d["reason"],
            )
            return _("已通过，心愿已上心愿墙。") if approve else _("已退回，心愿人在“我的”可看到原因。")

        form_action(request, VetForm(request.POST), vet)
    elif action == "edit":

        def edit(d: dict[str, Any]) -> str:
            services.wish_public_edit(actor=actor, wish=wish, title=d["title"], public_text=d["public_text"])
            return _("已保存公开内容。")

        form_action(request, PublicEditForm(request.POST), edit)
    elif action == "claim":

        def claim(d: dict[str, Any]) -> str:
            enterprise = None
            if d["kind"] == ClaimantKind.ENTERPRISE and d["uscc"].strip():
                enterprise = org_selectors.enterprise_in_scope(actor, d["uscc"], wish.org, Perm.VIEW, field="uscc")
            made = claims.claim_at_desk(
                actor=actor, wish=wish, kind=d["kind"], donor_name=d["donor_name"], enterprise=enterprise
            )
            return _("已认领，请于%(d)s前送达。") % {"d": made.due_at.date()}

        form_action(request, DeskClaimForm(request.POST), claim)
    elif action == "confirm":

        def confirm(d: dict[str, Any]) -> str:
            claims.wish_confirm(wish=wish, actor=actor, thanks=d["thanks"])
            return _("已代为确认收到。")

        form_action(request, ConfirmForm(request.POST), confirm)
    else:
        raise Http404
    return redirect("wishes:detail", pk=wish.pk)


@staff_view
@require_POST
def claim_fulfil(request: HttpRequest, pk: int) -> HttpResponse:
    """The desk records a delivery (the donor brought the gift to the union or the station)."""
    claim = selectors.claim_get_for(request.user, pk, Perm.ORG_EDIT)

    def fulfil(d: dict[str, Any]) -> str:
        photo = d["photo"]
        claims.claim_fulfil(
            claim=claim, actor=acting_user(request), note=d["note"], photo=photo, photo_size=photo.size if photo else 0
        )
        return _("已登记送达，等待心愿人确认收到。")

    form_action(request, FulfilForm(request.POST, request.FILES), fulfil)
    return redirect("wishes:detail", pk=claim.wish_id)


@staff_view
def claim_photo(request: HttpRequest, pk: int) -> FileResponse:
    claim = selectors.claim_get_for(request.user, pk)
    if not claim.photo:
        raise Http404
    return FileResponse(claim.photo.open("rb"), content_type=claim.photo_type)


@staff_view
def caps(request: HttpRequest) -> HttpResponse:
    """Each union's cap and delivery days; a union without its own follows the nearest union above it."""
    form = PolicyForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def save(org: OrgNode) -> Any:
        d = form.cleaned_data
        return services.policy_set(actor=acting_user(request), org=org, cap=d["cap"], claim_days=d["claim_days"])

    policy = act_in_org(request, form, "org", Perm.ORG_EDIT, save, refused=_("找不到该组织，或您无权修改规则。"))
    if policy is not None:
        messages.success(request, _("已保存%(org)s的微心愿规则。") % {"org": policy.org.name})
        return redirect("wishes:caps")
    roots = org_selectors.org_roots_for(request.user)
    context = {
        "policies": list(selectors.policies_for(request.user)[:500]),
        "mine": [(org, rules_for(org)) for org in roots[:20]],
        "form": form,
    }
    return render(request, "wishes/caps.html", context)
