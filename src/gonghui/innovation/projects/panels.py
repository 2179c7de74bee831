"""评审专家组: seating and unseating the reviewers who score a call's projects at one federation's level.

A level is a scoring federation (county and up) at or below the call's host union; its own cadres (review
permission there) seat its panel. A reviewer is a staff account serving inside that federation's subtree,
or an account that serves nowhere (an outside expert the platform administrator registered); a worker
account never. A reviewer who has scored at the level stays on it, so the scores keep their author.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.accounts.models import User, UserKind
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.innovation.models import InnovationCall, Panel, PanelSeat, Scorecard
from gonghui.innovation.projects.review_chain import SCORING_KINDS
from gonghui.orgs.models import Enterprise, OrgNode, StaffRole
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.orgs.selectors import enterprise_in_scope

NO_SUCH_REVIEWER = gettext_lazy("没有这个账号，或它不能在这一级评审：评审专家须持有本级或下级工会的工作人员账号。")


def panels_for(user: Any, call: InnovationCall) -> list[Panel]:
    """The call's panels at the levels the user sees, nearest the host union first, with their seats."""
    seats = PanelSeat.objects.select_related("user", "enterprise").order_by("user__username")
    qs = scope_for(user).filter(Panel.objects.filter(call=call).select_related("org"))
    return list(qs.prefetch_related(Prefetch("seats", queryset=seats)).order_by("org__depth", "org__path"))


def reviewer_for(org: OrgNode, username: str) -> User:
    """The account to seat on `org`'s panel; one answer for "no such account" and "not allowed here"."""
    roles = StaffRole.objects.filter(user=OuterRef("pk"))
    account = (
        get_user_model()
        .objects.filter(username__iexact=username.strip(), is_active=True, kind=UserKind.STAFF, is_superuser=False)
        .filter(Exists(roles.filter(org__path__startswith=org.path)) | ~Exists(roles))
        .first()
    )
    if account is None:
        raise ValidationError({"username": NO_SUCH_REVIEWER})
    return account


def _check_level(call: InnovationCall, org: OrgNode) -> None:
    if not org.path.startswith(call.org.path) or org.kind not in SCORING_KINDS:
        raise ValidationError({"org": _("评审专家组设在主办工会及其下级的县级以上总工会。")})
    if call.published_at:
        raise ValidationError(_("获奖结果已确认，评审专家组不再调整。"))


@transaction.atomic
def panel_seat(
    *,
    actor: Any,
    call: InnovationCall,
    org: OrgNode,
    reviewer: User,
    enterprise: Enterprise | None = None,
    request: HttpRequest | None = None,
) -> PanelSeat:
    """Seat `reviewer` on the call's panel at `org`; `enterprise` is where they work (they stand aside there)."""
    require(actor, org, Perm.REVIEW)
    _check_level(call, org)
    panel, _created = Panel.objects.get_or_create(call=call, org=org)
    seat, created = PanelSeat.objects.get_or_create(panel=panel, user=reviewer, defaults={"enterprise": enterprise})
    if not created:
        raise ValidationError({"username": _("该专家已在本级评审专家组中。")})
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=seat,
        org=org,
        detail={"panel_seat": reviewer.username},
        request=request,
    )
    return seat


def panel_seat_named(
    *,
    actor: Any,
    call: InnovationCall,
    org: OrgNode,
    username: str,
    enterprise_uscc: str = "",
    request: HttpRequest | None = None,
) -> PanelSeat:
    """Seat the reviewer a form or payload names: their username, and their employer's credit code if given
    (an enterprise under `org`; one answer whether it is registered elsewhere or nowhere)."""
    reviewer = reviewer_for(org, username)
    enterprise = (
        enterprise_in_scope(actor, enterprise_uscc, org, Perm.REVIEW, field="enterprise_uscc")
        if enterprise_uscc.strip()
        else None
    )
    return panel_seat(actor=actor, call=call, org=org, reviewer=reviewer, enterprise=enterprise, request=request)


@transaction.atomic
def panel_unseat(*, actor: Any, seat: PanelSeat, request: HttpRequest | None = None) -> None:
    panel = seat.panel
    require(actor, panel.org, Perm.REVIEW)
    if panel.call.published_at:
        raise ValidationError(_("获奖结果已确认，评审专家组不再调整。"))
    scored = Scorecard.objects.filter(
        reviewer_id=seat.user_id, stage__project__call_id=panel.call_id, stage__org_id=panel.org_id
    )
    if scored.exists():
        raise ValidationError(_("该专家已在本级评过分，不能移出专家组。"))
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=seat,
        org=panel.org,
        detail={"panel_seat": seat.user.get_username()},
        request=request,
    )
    seat.delete()


def seat_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> PanelSeat:
    seat = PanelSeat.objects.select_related("panel__org", "panel__call", "user").filter(pk=pk).first()
    if seat is None:
        raise Http404
    require(user, seat.panel.org, perm)
    return seat
