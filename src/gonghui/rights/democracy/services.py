"""Writes of 职代会: representatives of a 届 (proposed categories from the member's record, the cadre's
final word) and sessions with their attendance.

Proposals, resolutions and 厂务公开 items are in `motions`. Every write needs Perm.ORG_EDIT on the
enterprise's union: these are union work records, not case files (see the app's README in the report).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, SkillLevel
from gonghui.orgs.models import Enterprise, Industry
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.rights.democracy.models import Representative, Session

# 第二产业 (采矿、制造、电力热力燃气水、建筑): a representative working there is proposed as an 产业工人.
INDUSTRIAL_SECTIONS = frozenset({Industry.B, Industry.C, Industry.D, Industry.E})
TECHNICIAN_LEVELS = frozenset({SkillLevel.GRADE2, SkillLevel.GRADE1})
MAX_TERM = 99


@dataclass
class Categories:
    """The cadre's categories; None: take what the member's record suggests."""

    frontline: bool | None = None
    industrial: bool | None = None
    technician: bool | None = None
    manager: bool = False
    woman: bool | None = None


def _known_woman(membership: Membership) -> bool | None:
    sex = membership.person.sex
    return None if not sex else sex == "F"


def suggested(enterprise: Enterprise, membership: Membership, manager: bool) -> Categories:
    """What the member's record says: sex, skill level, the enterprise's industry; a manager is not on the
    front line, nor counted as an 产业工人."""
    woman = _known_woman(membership)
    return Categories(
        frontline=not manager,
        industrial=not manager and enterprise.industry in INDUSTRIAL_SECTIONS,
        technician=membership.skill_level in TECHNICIAN_LEVELS,
        manager=manager,
        woman=bool(woman),
    )


def _apply(rep: Representative, chosen: Categories, proposed: Categories) -> None:
    for name in ("frontline", "industrial", "technician", "woman"):
        value = getattr(chosen, name)
        setattr(rep, name, getattr(proposed, name) if value is None else value)
    rep.manager = chosen.manager
    known = _known_woman(rep.membership)
    if known is not None and rep.woman != known:
        raise ValidationError({"woman": _("会员档案的性别与“女职工”不一致，请先更正会员信息。")})
    if rep.manager and rep.frontline:
        raise ValidationError({"frontline": _("企业管理人员不计为一线职工。")})


def _check_member(enterprise: Enterprise, membership: Membership) -> None:
    union = enterprise.union
    if membership.status != MembershipStatus.ACTIVE or not membership.org.path.startswith(union.path):
        raise ValidationError({"membership": _("职工代表须是本企业工会的在册会员。")})
    if membership.employer_id is not None and membership.employer_id != enterprise.pk:
        raise ValidationError({"membership": _("该会员登记的工作单位不是本企业。")})


@transaction.atomic
def representative_add(
    *,
    actor: User,
    enterprise: Enterprise,
    term: int,
    membership: Membership,
    elected_on: dt.date,
    categories: Categories | None = None,
) -> Representative:
    """Add a member of the enterprise's union as a representative of the 届."""
    require(actor, enterprise.union, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    if not 1 <= term <= MAX_TERM:
        errors["term"] = _("届次须在1至%(n)s之间。") % {"n": MAX_TERM}
    if elected_on > timezone.localdate():
        errors["elected_on"] = _("当选日期不能晚于今天。")
    if errors:
        raise ValidationError(errors)
    _check_member(enterprise, membership)
    chosen = categories or Categories()
    rep = Representative(
        enterprise=enterprise, term=term, membership=membership, elected_on=elected_on, created_by=actor
    )
    _apply(rep, chosen, suggested(enterprise, membership, chosen.manager))
    if Representative.objects.filter(enterprise=enterprise, term=term, membership=membership).exists():
        raise ValidationError({"membership": _("该会员已是本届职工代表。")})
    try:
        with transaction.atomic():
            rep.save()
    except IntegrityError as exc:  # the same member, added twice at once
        raise ValidationError({"membership": _("该会员已是本届职工代表。")}) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, target=rep, org=enterprise.union, detail={"term": term})
    return rep


@transaction.atomic
def representative_set(*, actor: User, rep: Representative, categories: Categories) -> Representative:
    """The cadre's categories for a representative (what the record cannot tell: front line, manager …)."""
    rep = (
        Representative.objects.select_for_update(of=("self",))
        .select_related("enterprise__union", "membership__person")
        .get(pk=rep.pk)
    )
    require(actor, rep.enterprise.union, Perm.ORG_EDIT)
    _apply(rep, categories, suggested(rep.enterprise, rep.membership, categories.manager))
    rep.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=rep, org=rep.enterprise.union)
    return rep


@transaction.atomic
def representative_remove(*, actor: User, rep: Representative) -> None:
    require(actor, rep.enterprise.union, Perm.ORG_EDIT)
    if Session.objects.filter(enterprise_id=rep.enterprise_id, term=rep.term).exists():
        raise ValidationError(_("本届职代会已召开会议，代表名单已用于计算出席和表决，不能删除。"))
    audit_record(actor=actor, action=AuditAction.DELETE, target=rep, org=rep.enterprise.union)
    rep.delete()


@transaction.atomic
def session_record(
    *,
    actor: User,
    enterprise: Enterprise,
    term: int,
    number: int,
    held_on: dt.date,
    attended: int,
    agenda: str = "",
) -> Session:
    """Record a session of the 届; its seats are the 届's representatives on record now."""
    require(actor, enterprise.union, Perm.ORG_EDIT)
    seats = Representative.objects.filter(enterprise=enterprise, term=term).count()
    errors: dict[str, str] = {}
    if not 1 <= term <= MAX_TERM or not 1 <= number <= MAX_TERM:
        errors["number"] = _("届次和会次须在1至%(n)s之间。") % {"n": MAX_TERM}
    elif seats == 0:
        errors["term"] = _("第%(t)s届还没有登记职工代表，请先登记代表名单。") % {"t": term}
    if held_on > timezone.localdate():
        errors["held_on"] = _("召开日期不能晚于今天。")
    if attended < 0 or attended > seats:
        errors["attended"] = _("实到代表须在0至%(n)s人之间（本届代表%(n)s人）。") % {"n": seats}
    if not errors and Session.objects.filter(enterprise=enterprise, term=term, number=number).exists():
        errors["number"] = _("第%(t)s届第%(n)s次会议已登记。") % {"t": term, "n": number}
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            session = Session.objects.create(
                enterprise=enterprise,
                term=term,
                number=number,
                held_on=held_on,
                seats=seats,
                attended=attended,
                agenda=agenda.strip()[:1000],
                created_by=actor,
            )
    except IntegrityError as exc:
        raise ValidationError({"number": _("第%(t)s届第%(n)s次会议已登记。") % {"t": term, "n": number}}) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, target=session, org=enterprise.union)
    return session
