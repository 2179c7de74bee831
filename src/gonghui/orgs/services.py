"""Writes of the org domain: keyword-only, validated, atomic, audited.

Tree writes (create, move) take the tree lock first: treebeard derives a new
node's path from its last sibling, so two concurrent inserts under one parent
would compute the same path. See docs/adr/0001-tree-storage-and-locking.md.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record, field_changes
from gonghui.common.mobile import validate_mobile
from gonghui.common.models import AuditAction
from gonghui.common.search_keys import search_keys
from gonghui.common.textnorm import clean_text
from gonghui.common.uscc import validate_union_uscc, validate_uscc
from gonghui.orgs.kinds import NEEDS_UNION_USCC, OrgKind, may_sit_under
from gonghui.orgs.models import (
    CommitteeBody,
    CommitteeSeat,
    CommitteeTerm,
    Enterprise,
    OrgNode,
    Region,
    SearchKeyFields,
    SeatPosition,
)
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for

TREE_LOCK_KEY = 0x6768_6F72_6774  # "ghorgt": one advisory lock for all tree writes


def tree_lock() -> None:
    """Serialise tree writes until the end of the current transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TREE_LOCK_KEY])
    # SQLite: IMMEDIATE transactions (settings) already serialise writers.


def _set_keys(obj: SearchKeyFields, name: str) -> None:
    keys = search_keys(name)
    obj.name_simplified, obj.name_pinyin, obj.name_initials = keys.simplified, keys.pinyin, keys.initials


def _region(code: str) -> Region:
    region = Region.objects.filter(code=clean_text(code)).first()
    if region is None:
        raise ValidationError({"region_code": _("行政区划代码不存在，请按 GB/T 2260 填写 6 位代码。")})
    return region


def _new_code(region_code: str) -> str:
    while True:
        code = f"{region_code}-{secrets.token_hex(3)}"
        if not OrgNode.objects.filter(code=code).exists():
            return code


@dataclass
class OrgFields:
    name: str
    kind: str
    region_code: str
    uscc: str = ""
    address: str = ""
    chair_name: str = ""
    established_on: dt.date | None = None
    is_active: bool = True


def org_check(*, fields: OrgFields, parent: OrgNode | None, instance: OrgNode | None = None) -> dict[str, Any]:
    """Validate untrusted input; returns model-ready values or raises ValidationError per field."""
    errors: dict[str, str] = {}
    name = clean_text(fields.name)
    if not name:
        errors["name"] = _("请填写组织名称。")
    if fields.kind not in OrgKind.values:
        errors["kind"] = _("组织类型无效。")
    elif not may_sit_under(fields.kind, parent.kind if parent else None):
        errors["kind"] = _("“%(kind)s”不能设在“%(parent)s”之下。") % {
            "kind": OrgKind(fields.kind).label,
            "parent": OrgKind(parent.kind).label if parent else _("顶层"),
        }
    uscc = clean_text(fields.uscc)
    if uscc:
        try:
            needs_union = fields.kind in NEEDS_UNION_USCC
            uscc = validate_union_uscc(uscc) if needs_union else validate_uscc(uscc)
        except ValidationError as exc:
            errors["uscc"] = exc.messages[0]
        else:
            clash = OrgNode.objects.filter(uscc=uscc)
            if instance is not None:
                clash = clash.exclude(pk=instance.pk)
            if clash.exists():
                errors["uscc"] = _("该统一社会信用代码已被另一个工会组织使用。")
    if fields.established_on and fields.established_on > timezone.localdate():
        errors["established_on"] = _("成立日期不能晚于今天。")
    try:
        region = _region(fields.region_code)
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
        region = None
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "kind": fields.kind,
        "region": region,
        "uscc": uscc,
        "address": clean_text(fields.address),
        "chair_name": clean_text(fields.chair_name),
        "established_on": fields.established_on,
        "is_active": fields.is_active,
    }


@transaction.atomic
def org_create(
    *, actor: Any, parent: OrgNode | None, fields: OrgFields, code: str = "", request: HttpRequest | None = None
) -> OrgNode:
    if parent is None:
        if not scope_for(actor, Perm.ORG_EDIT).everything:
            raise PermissionDenied
    else:
        require(actor, parent, Perm.ORG_EDIT)
    values = org_check(fields=fields, parent=parent)
    code = clean_text(code).lower()
    if code and OrgNode.objects.filter(code=code).exists():
        raise ValidationError({"code": _("该组织编码已被使用。")})
    tree_lock()
    node = OrgNode(code=code or _new_code(values["region"].code), **values)
    node.full_clean(exclude=["path", "depth", "numchild", "region"])
    _set_keys(node, node.name)
    if parent is None:
        node = OrgNode.objects.add_root(instance=node)
    else:
        parent.refresh_from_db()  # the path/numchild read before the lock may be stale
        node = OrgNode.objects.add_child(parent, instance=node)
    audit_record(actor=actor, action=AuditAction.CREATE, target=node, org=node, request=request)
    return node


@transaction.atomic
def org_update(*, actor: Any, org: OrgNode, fields: OrgFields, request: HttpRequest | None = None) -> OrgNode:
    require(actor, org, Perm.ORG_EDIT)
    parent = OrgNode.objects.get_parent(org)
    values = org_check(fields=fields, parent=parent, instance=org)
    if values["kind"] != org.kind:
        bad = [c for c in OrgNode.objects.get_children(org) if not may_sit_under(c.kind, values["kind"])]
        if bad:
            raise ValidationError({"kind": _("下级组织“%(name)s”不能设在该类型之下。") % {"name": bad[0].name}})
    before = {k: getattr(org, k) for k in values}
    for key, value in values.items():
        setattr(org, key, value)
    _set_keys(org, org.name)
    org.save()
    changes = field_changes(before, values)
    if changes:
        audit_record(actor=actor, action=AuditAction.UPDATE, target=org, org=org, detail=changes, request=request)
    return org


def org_move_check(*, actor: Any, org: OrgNode, new_parent: OrgNode) -> None:
    require(actor, org, Perm.ORG_EDIT)
    require(actor, new_parent, Perm.ORG_EDIT)
    if new_parent.path.startswith(org.path):
        raise ValidationError({"new_parent": _("不能把组织移到它自己或它的下级组织之下。")})
    if org.path[: -org.steplen] == new_parent.path:
        raise ValidationError({"new_parent": _("该组织已经在所选上级组织之下。")})
    if not may_sit_under(org.kind, new_parent.kind):
        raise ValidationError(
            {
                "new_parent": _("“%(kind)s”不能设在“%(parent)s”之下。")
                % {"kind": OrgKind(org.kind).label, "parent": OrgKind(new_parent.kind).label}
            }
        )


@transaction.atomic
def org_move(*, actor: Any, org: OrgNode, new_parent: OrgNode, request: HttpRequest | None = None) -> OrgNode:
    """Move a subtree under a new parent: one path rewrite under the tree lock."""
    tree_lock()
    org.refresh_from_db()
    new_parent.refresh_from_db()
    org_move_check(actor=actor, org=org, new_parent=new_parent)
    old_parent = OrgNode.objects.get_parent(org)
    OrgNode.objects.move(org, new_parent, pos="last-child")
    org.refresh_from_db()
    audit_record(
        actor=actor,
        action=AuditAction.MOVE,
        target=org,
        org=org,
        detail={"from": str(old_parent), "to": str(new_parent)},
        request=request,
    )
    return org


def org_member_count_adjust(*, org_id: int, delta: int) -> None:
    """Keep the per-node counter in step; called by member services in their transaction."""
    OrgNode.objects.filter(pk=org_id).update(member_count=F("member_count") + delta)


# --- enterprises ----------------------------------------------------------------


@dataclass
class EnterpriseFields:
    name: str
    uscc: str
    industry: str
    ownership: str
    employee_count: int
    region_code: str
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""


def enterprise_check(*, fields: EnterpriseFields, instance: Enterprise | None = None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    name = clean_text(fields.name)
    if not name:
        errors["name"] = _("请填写单位名称。")
    try:
        uscc = validate_uscc(fields.uscc)
    except ValidationError as exc:
        errors["uscc"] = exc.messages[0]
        uscc = ""
    others = Enterprise.objects.filter(uscc=uscc)
    if instance is not None:
        others = others.exclude(pk=instance.pk)
    if uscc and others.exists():
        errors["uscc"] = _("该统一社会信用代码的单位已经登记过，请勿重复录入。")
    if fields.employee_count < 0:
        errors["employee_count"] = _("职工人数不能为负数。")
    phone = ""
    if clean_text(fields.contact_phone):
        try:
            phone = validate_mobile(fields.contact_phone)
        except ValidationError as exc:
            errors["contact_phone"] = exc.messages[0]
    try:
        region = _region(fields.region_code)
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
        region = None
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "uscc": uscc,
        "industry": fields.industry,
        "ownership": fields.ownership,
        "employee_count": fields.employee_count,
        "region": region,
        "address": clean_text(fields.address),
        "contact_name": clean_text(fields.contact_name),
        "contact_phone": phone or None,
    }


@transaction.atomic
def enterprise_create(
    *, actor: Any, union: OrgNode, fields: EnterpriseFields, request: HttpRequest | None = None
) -> Enterprise:
    require(actor, union, Perm.ORG_EDIT)
    enterprise = Enterprise(union=union, **enterprise_check(fields=fields))
    enterprise.full_clean(exclude=["region", "union", "uscc"])
    _set_keys(enterprise, enterprise.name)
    enterprise.save()
    audit_record(actor=actor, action=AuditAction.CREATE, target=enterprise, org=union, request=request)
    return enterprise


@transaction.atomic
def enterprise_update(
    *,
    actor: Any,
    enterprise: Enterprise,
    fields: EnterpriseFields,
    union: OrgNode | None = None,
    request: HttpRequest | None = None,
) -> Enterprise:
    require(actor, enterprise.union, Perm.ORG_EDIT)
    if union is not None and union.pk != enterprise.union_id:
        require(actor, union, Perm.ORG_EDIT)
    values = enterprise_check(fields=fields, instance=enterprise)
    if values["contact_phone"] is None:
        del values["contact_phone"]  # blank on the form keeps the stored number
    if union is not None:
        values["union"] = union
    before = {k: getattr(enterprise, k) for k in values}
    for key, value in values.items():
        setattr(enterprise, key, value)
    _set_keys(enterprise, enterprise.name)
    enterprise.save()
    # Read back through the model so sealed values compare and log masked.
    changes = field_changes(before, {k: getattr(enterprise, k) for k in values})
    if changes:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            target=enterprise,
            org=enterprise.union,
            detail=changes,
            request=request,
        )
    return enterprise


# --- committees -----------------------------------------------------------------


@dataclass
class Seat:
    person_name: str
    position: str
    is_front_line: bool = False


@transaction.atomic
def committee_term_record(
    *,
    actor: Any,
    org: OrgNode,
    body: str,
    number: int,
    elected_on: dt.date,
    starts_on: dt.date,
    ends_on: dt.date,
    seats: list[Seat],
    request: HttpRequest | None = None,
) -> CommitteeTerm:
    """Record an election (换届): the term and its seats; the chair is copied to the org."""
    require(actor, org, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    if ends_on <= starts_on:
        errors["ends_on"] = _("任期结束日期应晚于开始日期。")
    if elected_on > starts_on:
        errors["elected_on"] = _("选举日期不能晚于任期开始日期。")
    if CommitteeTerm.objects.filter(org=org, body=body, number=number).exists():
        errors["number"] = _("该机构的第 %(n)d 届已经登记。") % {"n": number}
    seats = [s for s in seats if clean_text(s.person_name)]
    chairs = [s for s in seats if s.position in (SeatPosition.CHAIR, SeatPosition.DIRECTOR)]
    if len(chairs) > 1:
        errors["seats"] = _("每届只能有一位主席（主任）。")
    if body == CommitteeBody.UNION_COMMITTEE and not chairs:
        errors["seats"] = _("工会委员会须选出主席。")
    if errors:
        raise ValidationError(errors)
    term = CommitteeTerm.objects.create(
        org=org, body=body, number=number, elected_on=elected_on, starts_on=starts_on, ends_on=ends_on
    )
    CommitteeSeat.objects.bulk_create(
        CommitteeSeat(
            term=term,
            person_name=clean_text(s.person_name),
            position=s.position,
            is_front_line=s.is_front_line,
            sort=i,
        )
        for i, s in enumerate(seats)
    )
    if body == CommitteeBody.UNION_COMMITTEE and starts_on <= timezone.localdate() <= ends_on:
        org.chair_name = clean_text(chairs[0].person_name)
        org.save(update_fields=["chair_name", "updated_at"])
    audit_record(actor=actor, action=AuditAction.CREATE, target=term, org=org, request=request)
    return term
