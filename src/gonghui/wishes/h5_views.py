"""The phone pages of 微心愿: the public wish wall (public text only, by union), a wish's public page, and
for the signed-in worker: claiming, posting their own wish, and 我的微心愿 (my wishes and my claims:
delivery, receipt, thanks)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.common.access import public_view
from gonghui.common.form_errors import apply_validation_error, flash_outcome, form_action
from gonghui.common.masking import mask_text
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.members.worker_access import worker_view
from gonghui.members.worker_accounts import person_of
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.staff_accounts import acting_user
from gonghui.wishes import claims, selectors, services
from gonghui.wishes.choices import ClaimantKind
from gonghui.wishes.forms import ConfirmForm, FulfilForm, WorkerWishForm
from gonghui.wishes.models import Claim
from gonghui.wishes.rules import rules_for


@public_view
def wall(request: HttpRequest) -> HttpResponse:
    """心愿墙: approved wishes waiting for a donor, narrowed to a union's subtree by ?union=<code>."""
    claims.claims_expire()
    code = request.GET.get("union", "").strip()[:100]
    person = person_of(request.user)
    under = OrgNode.objects.filter(code=code).first() if code and code != ALL else _home(person) if not code else None
    wishes = list(selectors.wall(under=under)[:100])
    if not wishes and under is not None and not code:  # nothing open at home yet: show everyone's
        under, wishes = None, list(selectors.wall()[:100])
    context = {
        "wishes": wishes,
        "unions": selectors.wall_unions(),
        "under": under,
        "signed_in": person is not None,
        "all": ALL,
    }
    return render(request, "wishes/h5/wall.html", context)


ALL = "all"


def _home(person: Person | None) -> OrgNode | None:
    """A signed-in member first sees the wishes under their own federation (the top of their union's tree)."""
    membership = active_membership(person) if person is not None else None
    if membership is None:
        return None
    return OrgNode.objects.filter(path=paths_up(membership.org.path)[0]).first()


@public_view
def wish_detail(request: HttpRequest, pk: int) -> HttpResponse:
    wish = selectors.public_wish(pk)
    claims.claims_expire(wish=wish)
    person = person_of(request.user)
    context = {"wish": wish, "signed_in": person is not None, "own": person is not None and wish.person_id == person.pk}
    return render(request, "wishes/h5/detail.html", context)


@worker_view
@require_POST
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    wish = selectors.public_wish(pk)
    try:
        made = claims.claim_as_member(person=request.person, user=acting_user(request), wish=wish)  # type: ignore[attr-defined]
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("wishes_h5:detail", pk=pk)
    messages.success(
        request,
        _("认领成功！请于%(d)s前把心愿送到%(org)s（或按工会通知送达），并在这里登记送达。")
        % {"d": made.due_at.date(), "org": wish.org.name},
    )
    return redirect("wishes_h5:mine")


@worker_view
@never_cache
def mine(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    claims.claims_expire()
    context: dict[str, Any] = {
        # The worker sees who claimed their wish as a masked name (王**), an enterprise by its name.
        "wishes": [(w, _donor_shown(w)) for w in selectors.wishes_of(person)[:20]],
        "my_claims": list(selectors.claims_of(person)[:20]),
        "confirm_form": ConfirmForm(),
        "fulfil_form": FulfilForm(),
        "membership": active_membership(person),
    }
    return render(request, "wishes/h5/mine.html", context)


def _donor_shown(wish: Any) -> str:
    donor, kind = getattr(wish, "donor", None), getattr(wish, "donor_kind", None)
    if not donor:
        return ""
    return donor if kind == ClaimantKind.ENTERPRISE else mask_text(donor)


@worker_view
def wish_new(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    membership = active_membership(person)
    form = WorkerWishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.wish_post(person=person, user=acting_user(request), data=form.wish_fields())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("心愿已提交，工会审核通过后会出现在心愿墙上。"))
            return redirect("wishes_h5:mine")
    context = {"form": form, "membership": membership, "rules": rules_for(membership.org) if membership else None}
    return render(request, "wishes/h5/new.html", context)


@worker_view
@require_POST
def wish_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """On my own wish: confirm receipt (with thanks), write thanks, or withdraw it."""
    person = request.person  # type: ignore[attr-defined]
    wish = selectors.wish_of(person, pk)
    if action == "confirm":

        def confirm(d: dict[str, Any]) -> str:
            claims.wish_confirm(wish=wish, person=person, thanks=d["thanks"])
            return _("已确认收到，心愿圆梦啦！")

        form_action(request, ConfirmForm(request.POST), confirm)
    elif action == "thank":

        def thank(d: dict[str, Any]) -> str:
            claims.wish_thank(wish=wish, person=person, thanks=d["thanks"])
            return _("感谢留言已送给认领人。")

        form_action(request, ConfirmForm(request.POST), thank)
    elif action == "withdraw":

        def withdraw() -> str:
            services.wish_withdraw(person=person, wish=wish)
            return _("心愿已撤回。")

        flash_outcome(request, withdraw)
    else:
        raise Http404
    return redirect("wishes_h5:mine")


@worker_view
@require_POST
def claim_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """On my own claim: record delivery (a photo, a note or both), or give the claim up."""
    person = request.person  # type: ignore[attr-defined]
    mine_claim = selectors.claim_of(person, pk)
    if action == "fulfil":

        def fulfil(d: dict[str, Any]) -> str:
            photo = d["photo"]
            claims.claim_fulfil(
                claim=mine_claim, person=person, note=d["note"], photo=photo, photo_size=photo.size if photo else 0
            )
            return _("已登记送达，谢谢您的爱心！")

        form_action(request, FulfilForm(request.POST, request.FILES), fulfil)
    elif action == "release":

        def release() -> str:
            claims.claim_release(person=person, claim=mine_claim)
            return _("已放弃认领，心愿回到了心愿墙。")

        flash_outcome(request, release)
    else:
        raise Http404
    return redirect("wishes_h5:mine")


@worker_view
def claim_photo(request: HttpRequest, pk: int) -> FileResponse:
    """A delivery photo, for the donor who took it and the worker whose wish it is."""
    person = request.person  # type: ignore[attr-defined]
    found = get_object_or_404(Claim.objects.filter(Q(person=person) | Q(wish__person=person)).exclude(photo=""), pk=pk)
    return FileResponse(found.photo.open("rb"), content_type=found.photo_type)
