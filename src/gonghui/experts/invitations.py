"""Adding a person to a pool by ID number: at once for a member under the pool's union, else by invitation.

A cadre may look up only people in their own subtree. Someone else (a model worker of another county, or
a person not on record) is invited, and the cadre's answer is the same in both cases. The invitation
shows in 我的 only to the signed-in worker whose record has that ID number and name, who accepts or
declines it there.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.idcard import parse_idcard
from gonghui.common.textnorm import compact
from gonghui.experts.choices import InvitationStatus
from gonghui.experts.models import Expert, Invitation
from gonghui.experts.services import ExpertProfile, checked_profile, pool_place
from gonghui.members.identity import document_hmac
from gonghui.members.models import Person
from gonghui.members.selectors import person_in_scope
from gonghui.orgs.models import Enterprise, OrgNode, Region
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for


@transaction.atomic
def expert_add(*, actor: Any, org: OrgNode, id_number: str, name: str, profile: ExpertProfile) -> Expert | Invitation:
    """Enrol a member under `org` at once; invite anyone else (on record elsewhere or not at all) alike."""
    require(actor, org, Perm.ORG_EDIT)
    try:
        number = parse_idcard(id_number).number
    except ValidationError as exc:
        raise ValidationError({"id_number": exc.messages}) from exc
    if not compact(name):
        raise ValidationError({"name": _("请填写姓名。")})
    profile = checked_profile(profile)
    try:
        person = person_in_scope(actor, number, org, Perm.ORG_EDIT)
    except ValidationError:
        return _invite(actor=actor, org=org, id_hmac=document_hmac(number), name=compact(name), profile=profile)
    if compact(person.name) != compact(name):
        raise ValidationError({"name": _("姓名与该证件号码登记的姓名不一致。")})
    return pool_place(org=org, person=person, profile=profile)


def _invite(*, actor: Any, org: OrgNode, id_hmac: str, name: str, profile: ExpertProfile) -> Invitation:
    """One open invitation per pool and ID: inviting again refreshes its name and profile."""
    stored = _stored(profile)
    open_one = Invitation.objects.select_for_update().filter(org=org, id_hmac=id_hmac, status=InvitationStatus.PENDING)
    invitation = open_one.first()
    if invitation is None:
        try:
            with transaction.atomic():
                return Invitation.objects.create(org=org, id_hmac=id_hmac, name=name, profile=stored, invited_by=actor)
        except IntegrityError:  # a concurrent invitation of the same person won: refresh that one
            invitation = open_one.get()
    invitation.name, invitation.profile, invitation.invited_by = name, stored, actor
    invitation.save(update_fields=["name", "profile", "invited_by"])
    return invitation


def _stored(profile: ExpertProfile) -> dict[str, Any]:
    data = asdict(profile)
    data["region"] = profile.region.pk
    data["employer"] = profile.employer.pk if profile.employer else None
    return data


def _profile(stored: dict[str, Any]) -> ExpertProfile:
    employer_id = stored.get("employer")
    employer = Enterprise.objects.filter(pk=employer_id).first() if employer_id else None
    return ExpertProfile(**{**stored, "region": Region.objects.get(pk=stored["region"]), "employer": employer})


def invitations_of(person: Person) -> list[Invitation]:
    """The person's own invitations (open first), matched by ID number and name as the cadre typed them."""
    rows = Invitation.objects.filter(id_hmac=person.id_hmac).select_related("org").order_by("-created_at")[:20]
    mine = [i for i in rows if compact(i.name) == compact(person.name)]
    return sorted(mine, key=lambda i: i.status != InvitationStatus.PENDING)


def invitation_of(person: Person, pk: int) -> Invitation | None:
    return next((i for i in invitations_of(person) if i.pk == pk), None)


@transaction.atomic
def invitation_answer(*, person: Person, pk: int, accept: bool) -> Invitation:
    """The invited worker accepts (joins the pool with the profile offered) or declines."""
    mine = invitation_of(person, pk)
    invitation = Invitation.objects.select_for_update().filter(pk=mine.pk).first() if mine else None
    if invitation is None or invitation.status != InvitationStatus.PENDING:
        raise ValidationError(_("该邀请已处理或已撤回。"))
    if accept:
        invitation.expert = pool_place(org=invitation.org, person=person, profile=_profile(invitation.profile))
    invitation.status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
    invitation.decided_at = timezone.now()
    invitation.save(update_fields=["expert", "status", "decided_at"])
    return invitation


@transaction.atomic
def invitation_withdraw(*, actor: Any, invitation: Invitation) -> None:
    require(actor, invitation.org, Perm.ORG_EDIT)
    updated = Invitation.objects.filter(pk=invitation.pk, status=InvitationStatus.PENDING).update(
        status=InvitationStatus.WITHDRAWN, decided_at=timezone.now()
    )
    if not updated:
        raise ValidationError(_("该邀请已处理或已撤回。"))


def invitations_for(user: Any) -> QuerySet[Invitation]:
    """Open invitations of the pools the user manages, newest first."""
    rows = scope_for(user, Perm.ORG_EDIT).filter(Invitation.objects.select_related("org"))
    return rows.filter(status=InvitationStatus.PENDING).order_by("-created_at")
