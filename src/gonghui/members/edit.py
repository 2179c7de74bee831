"""Editing a member's registry details (not the identity document: that needs a correction process)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record, field_changes
from gonghui.common.ethnic_groups import ethnic_groups, normalize_ethnic_group
from gonghui.common.mobile import validate_mobile
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.members.changes import person_mobile_set
from gonghui.members.identity import NAME_PATTERN
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

PERSON_EDITABLE = (
    "name",
    "ethnicity",
    "mobile",
    "hukou",
    "is_migrant_worker",
    "education",
    "political",
    "address",
    "village",
    "emergency_name",
    "emergency_phone",
)
MEMBERSHIP_EDITABLE = (
    "employer_name",
    "occupation",
    "skill_level",
    "employment_form",
    "platform",
    "union_posts",
    "card_no",
)


def _check(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    cleaned = {k: clean_text(v) if isinstance(v, str) else v for k, v in values.items()}
    if "name" in cleaned and not NAME_PATTERN.match(cleaned["name"]):
        errors["name"] = _("姓名应为 2–30 个汉字或字母。")
    if cleaned.get("ethnicity"):
        cleaned["ethnicity"] = normalize_ethnic_group(cleaned["ethnicity"])
        if cleaned["ethnicity"] not in ethnic_groups():
            errors["ethnicity"] = _("民族名称无效。")
    for key in ("mobile", "emergency_phone"):
        if cleaned.get(key):
            try:
                cleaned[key] = validate_mobile(cleaned[key])
            except ValidationError as exc:
                errors[key] = exc.messages[0]
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def member_update(
    *, actor: Any, membership: Membership, values: dict[str, Any], request: HttpRequest | None = None
) -> Membership:
    """Update person and membership details; the audit log gets the changes, personal data masked."""
    require(actor, membership.org, Perm.ORG_EDIT)
    cleaned = _check(values)
    person: Person = Person.objects.select_for_update().get(pk=membership.person_id)
    person_values = {k: cleaned[k] for k in PERSON_EDITABLE if k in cleaned}
    new_mobile = person_values.pop("mobile", None)
    member_values = {k: cleaned[k] for k in MEMBERSHIP_EDITABLE if k in cleaned}
    before = {k: getattr(person, k) for k in person_values} | {k: getattr(membership, k) for k in member_values}
    for key, value in person_values.items():
        setattr(person, key, value)
    if "name" in person_values:
        for key, value in person_keys(person.name).items():
            setattr(person, key, value)
    person.save()
    for key, value in member_values.items():
        setattr(membership, key, value)
    membership.save()
    if new_mobile and (not person.mobile or person.mobile.reveal() != new_mobile):
        person_mobile_set(person=person, mobile=new_mobile, actor=actor, via=_("工会干部修改"), request=request)
    after = {k: getattr(person, k) for k in person_values} | {k: getattr(membership, k) for k in member_values}
    changes = field_changes(
        {k: v if v is not None else "" for k, v in before.items()},
        {k: v if v is not None else "" for k, v in after.items()},
    )
    if changes:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            target=membership,
            org=membership.org,
            detail=changes,
            request=request,
        )
    return membership
