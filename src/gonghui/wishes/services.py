"""Writes of 微心愿: a union's rules, posting (by the worker, or by a cadre for a hardship family), vetting
and editing the public text, and the worker withdrawing their own wish.

Claims, delivery, receipt and expiry are in `claims`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.assistance.choices import LIVE_FILE_STATUSES
from gonghui.assistance.models import HardshipFile
from gonghui.common.audit import audit_record, field_changes
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.wishes.choices import LIVE, WishCategory, WishSource, WishStatus
from gonghui.wishes.models import Wish, WishPolicy
from gonghui.wishes.public_text import public_text_problem
from gonghui.wishes.rules import MAX_CAP, MAX_CLAIM_DAYS, rules_for, yuan_text

TITLE_MAX = 50
TEXT_MAX = 500


@dataclass
class WishFields:
    title: str
    text: str
    value: Decimal
    category: str = WishCategory.OTHER
    public_text: str = ""  # empty: the wall shows `text` (checked the same way)
    private_note: str = ""


# --- rules --------------------------------------------------------------------------------------------


@transaction.atomic
def policy_set(*, actor: User, org: OrgNode, cap: Decimal, claim_days: int) -> WishPolicy:
    """Set the union's cap and delivery days; its subtree follows unless a lower union sets its own."""
    require(actor, org, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    if not Decimal(0) < cap <= MAX_CAP:
        errors["cap"] = _("心愿价值上限须大于0且不超过%(max)s元。") % {"max": yuan_text(MAX_CAP)}
    if not 1 <= claim_days <= MAX_CLAIM_DAYS:
        errors["claim_days"] = _("送达期限须在1至%(max)s天之间。") % {"max": MAX_CLAIM_DAYS}
    if errors:
        raise ValidationError(errors)
    before = WishPolicy.objects.filter(org=org).first()
    policy, _created = WishPolicy.objects.update_or_create(
        org=org, defaults={"cap": cap, "claim_days": claim_days, "updated_by": actor}
    )
    old = {"cap": str(before.cap), "claim_days": str(before.claim_days)} if before else {}
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=policy,
        org=org,
        detail=field_changes(old, {"cap": str(cap), "claim_days": str(claim_days)}),
    )
    return policy


# --- posting -------------------------------------------------------------------------------------------


def _names(person: Person | None) -> list[str]:
    return [person.name] if person is not None and person.name else []


def _check(org: OrgNode, data: WishFields, names: list[str]) -> dict[str, str]:
    """Every problem with a wish's fields, keyed by field, in Chinese; strips the text fields."""
    data.title = clean_text(data.title)[:TITLE_MAX]
    data.text = data.text.strip()
    data.public_text = data.public_text.strip()
    data.private_note = data.private_note.strip()
    errors: dict[str, str] = {}
    if not data.title:
        errors["title"] = _("请写下心愿，如“一个新书包”。")
    if not data.text:
        errors["text"] = _("请简单说明心愿。")
    elif len(data.text) > TEXT_MAX:
        errors["text"] = _("心愿说明不超过%(n)s字。") % {"n": TEXT_MAX}
    if len(data.public_text) > TEXT_MAX:
        errors["public_text"] = _("公开说明不超过%(n)s字。") % {"n": TEXT_MAX}
    if len(data.private_note) > TEXT_MAX:
        errors["private_note"] = _("工会备注不超过%(n)s字。") % {"n": TEXT_MAX}
    if data.category not in WishCategory.values:
        errors["category"] = _("心愿类别无效。")
    cap = rules_for(org).cap
    if data.value <= 0:
        errors["value"] = _("请填写心愿的预估价值（元）。")
    elif data.value > cap:
        errors["value"] = _("心愿价值%(value)s元超过了本会的上限%(cap)s元，请换一个小一点的心愿。") % {
            "value": yuan_text(data.value),
            "cap": yuan_text(cap),
        }
    # What the wall will show: the title, and the public text (or, while there is none, the text).
    for field in ("title", "public_text" if data.public_text else "text"):
        problem = public_text_problem(getattr(data, field), names=names)
        if problem and field not in errors:
            errors[field] = problem
    return errors


def _create(*, org: OrgNode, data: WishFields, source: str, person: Person | None, **extra: object) -> Wish:
    try:
        with transaction.atomic():
            return Wish.objects.create(
                org=org,
                source=source,
                person=person,
                category=data.category,
                title=data.title,
                text=data.text,
                public_text=data.public_text,
                private_note=data.private_note,
                value=data.value,
                **extra,
            )
    except IntegrityError as exc:  # the same worker, twice at once
        raise ValidationError(_("您已有一个进行中的心愿，圆梦或撤回后再发布新的。")) from exc


@transaction.atomic
def wish_post(*, person: Person, user: User, data: WishFields) -> Wish:
    """A worker posts their own wish in 我的; their union vets it. One live wish per worker."""
    membership = active_membership(person)
    if membership is None:
        raise ValidationError(_("须为在册会员才能发布微心愿。"))
    errors = _check(membership.org, data, _names(person))
    data.private_note = ""  # the worker's own words are in `text`; the note is the union's
    if errors:
        raise ValidationError(errors)
    if Wish.objects.filter(person=person, source=WishSource.SELF, status__in=LIVE).exists():
        raise ValidationError(_("您已有一个进行中的心愿，圆梦或撤回后再发布新的。"))
    return _create(org=membership.org, data=data, source=WishSource.SELF, person=person, posted_by=user)


@transaction.atomic
def wish_post_for_family(
    *, actor: User, org: OrgNode, data: WishFields, hardship_file: HardshipFile | None = None
) -> Wish:
    """A cadre posts for a hardship family's child (a schoolbag, milk); the file is optional and private."""
    require(actor, org, Perm.ORG_EDIT)
    person = None
    if hardship_file is not None:
        require(actor, hardship_file.org, Perm.ASSISTANCE)
        if not hardship_file.org.path.startswith(org.path):
            raise ValidationError({"hardship_file": _("困难职工档案须属本会或下级工会。")})
        if hardship_file.status not in LIVE_FILE_STATUSES:
            raise ValidationError({"hardship_file": _("该困难职工档案已解困或未通过，不能代发心愿。")})
        person = hardship_file.person
    errors = _check(org, data, _names(person))
    if errors:
        raise ValidationError(errors)
    wish = _create(
        org=org, data=data, source=WishSource.FAMILY, person=person, hardship_file=hardship_file, posted_by=actor
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=wish, org=org, detail={"title": wish.title})
    return wish


# --- vetting ---------------------------------------------------------------------------------------------


def _locked(wish: Wish) -> Wish:
    return Wish.objects.select_for_update(of=("self",)).select_related("org", "person").get(pk=wish.pk)


@transaction.atomic
def wish_vet(
    *, actor: User, wish: Wish, approve: bool, public_text: str = "", title: str = "", reason: str = ""
) -> Wish:
    """The union approves a pending wish onto the wall (with the public text it edited) or refuses it."""
    wish = _locked(wish)
    require(actor, wish.org, Perm.REVIEW)
    if wish.status != WishStatus.PENDING:
        raise ValidationError(_("该心愿已审核（%(status)s）。") % {"status": wish.get_status_display()})
    if approve:
        _set_public(wish, title=title or wish.title, public_text=public_text or wish.public_text or wish.text)
        wish.status = WishStatus.OPEN
        wish.reason = ""
    else:
        if not reason.strip():
            raise ValidationError({"reason": _("请填写未通过的原因。")})
        wish.status = WishStatus.REJECTED
        wish.reason = reason.strip()[:200]
    wish.vetted_by = actor
    wish.vetted_at = timezone.now()
    wish.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=wish, org=wish.org, detail={"status": wish.status})
    return wish


def _set_public(wish: Wish, *, title: str, public_text: str) -> None:
    title, public_text = clean_text(title)[:TITLE_MAX], public_text.strip()
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("请写下心愿，如“一个新书包”。")
    if not public_text:
        errors["public_text"] = _("请填写公开说明。")
    elif len(public_text) > TEXT_MAX:
        errors["public_text"] = _("公开说明不超过%(n)s字。") % {"n": TEXT_MAX}
    for field, value in (("title", title), ("public_text", public_text)):
        problem = public_text_problem(value, names=_names(wish.person))
        if problem and field not in errors:
            errors[field] = problem
    if errors:
        raise ValidationError(errors)
    wish.title, wish.public_text = title, public_text


@transaction.atomic
def wish_public_edit(*, actor: User, wish: Wish, title: str, public_text: str) -> Wish:
    """Edit what the wall shows while the wish is waiting or on the wall."""
    wish = _locked(wish)
    require(actor, wish.org, Perm.REVIEW)
    if wish.status not in (WishStatus.PENDING, WishStatus.OPEN):
        raise ValidationError(_("心愿已被认领或已结束，不能再修改公开内容。"))
    before = {"title": wish.title, "public_text": wish.public_text}
    _set_public(wish, title=title, public_text=public_text)
    wish.save(update_fields=["title", "public_text", "updated_at"])
    after = {"title": wish.title, "public_text": wish.public_text}
    audit_record(actor=actor, action=AuditAction.UPDATE, target=wish, org=wish.org, detail=field_changes(before, after))
    return wish


@transaction.atomic
def wish_withdraw(*, person: Person, wish: Wish) -> Wish:
    """The worker takes back their own wish before anyone claimed it."""
    wish = _locked(wish)
    if wish.person_id != person.pk or wish.source != WishSource.SELF:
        raise ValidationError(_("只能撤回自己发布的心愿。"))
    if wish.status not in (WishStatus.PENDING, WishStatus.OPEN):
        raise ValidationError(_("心愿已被认领或已结束，不能撤回。"))
    wish.status = WishStatus.WITHDRAWN
    wish.save(update_fields=["status", "updated_at"])
    return wish
