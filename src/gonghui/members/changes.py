"""Changes to a person's record that someone must check first (信息变更待核实), and the one way a mobile changes.

Every change of a person's mobile, by a cadre, by the union confirming a request, or by a worker who proved
the old number, goes through `person_mobile_set`: an audit event (masked) and a line in the member's history.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.masking import mask_mobile
from gonghui.common.models import AuditAction
from gonghui.members.choices import LIVE_STATUSES, ChangeKind, ChangeSource, ChangeStatus, EventKind
from gonghui.members.models import ChangeRequest, Membership, MembershipEvent, Person
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require


def _history_membership(person: Person) -> Membership | None:
    """The membership whose history shows a person-level change: the live one, else the latest."""
    rows = Membership.objects.filter(person=person).select_related("org")
    return rows.filter(status__in=LIVE_STATUSES).first() or rows.order_by("-applied_at").first()


def person_mobile_set(*, person: Person, mobile: str, actor: Any, via: str, request: HttpRequest | None = None) -> None:
    """Put a new (normalised) mobile on record: audited, and shown in the member's history."""
    old = person.mobile.masked() if person.mobile else ""
    person.mobile = mobile
    person.save(update_fields=["mobile", "mobile_hmac", "updated_at"])
    membership = _history_membership(person)
    org = membership.org if membership is not None else None
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=person,
        org=org,
        detail={"mobile": [old, mask_mobile(mobile)], "via": via},
        request=request,
    )
    if membership is not None:
        MembershipEvent.objects.create(
            membership=membership,
            kind=EventKind.MOBILE_CHANGE,
            org=membership.org,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            reason=via[:200],
        )


def change_request_leave(
    *, person: Person, org: OrgNode, kind: ChangeKind, source: ChangeSource, new_mobile: str = "", detail: str = ""
) -> ChangeRequest | None:
    """Leave one open item for the union; a second one of the same kind while it is open changes nothing."""
    try:
        with transaction.atomic():
            return ChangeRequest.objects.create(
                person=person,
                org=org,
                kind=kind,
                source=source,
                new_mobile=new_mobile or None,
                detail=detail[:500],  # type: ignore[misc]
            )
    except IntegrityError:  # members_one_open_change: already waiting for the union
        return None


@transaction.atomic
def change_request_decide(
    *, actor: Any, change: ChangeRequest, approve: bool, reason: str, request: HttpRequest | None = None
) -> ChangeRequest:
    """A cadre of the person's union confirms or declines the item, always with a reason."""
    require(actor, change.org, Perm.REVIEW)
    locked = ChangeRequest.objects.select_for_update().select_related("person").get(pk=change.pk)
    if locked.status != ChangeStatus.PENDING:
        raise ValidationError(_("该申请已经处理过了。"))
    if not reason.strip():
        raise ValidationError({"reason": _("请填写处理意见，职工会看到它。")})
    if approve and locked.kind == ChangeKind.MOBILE:
        if not locked.new_mobile:
            raise ValidationError(_("该申请没有新手机号码。"))
        person = Person.objects.select_for_update().get(pk=locked.person_id)
        person_mobile_set(
            person=person, mobile=locked.new_mobile.reveal(), actor=actor, via=_("工会核实变更"), request=request
        )
    locked.status = ChangeStatus.APPROVED if approve else ChangeStatus.REJECTED
    locked.reason, locked.decided_by, locked.decided_at = reason.strip()[:200], actor, timezone.now()
    locked.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    return locked
