"""Writes of member cards: products, applying, deciding, issuing by rule, loss, cancellation, renewal.

One live card (申请中, 有效, 挂失) per person and product is a database constraint: a rush of applications or
a rule run twice never issues a second card.
"""

from __future__ import annotations

import calendar
import datetime as dt
import secrets
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.benefits.choices import LIVE, CardKind, CardStatus, Validity
from gonghui.benefits.issue_fastpath import issue_in_one_statement
from gonghui.benefits.models import CardProduct, MemberCard
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.members.choices import EmploymentForm, MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

ISSUE_BATCH = 5_000


@dataclass
class ProductFields:
    name: str
    kind: str
    validity: str = Validity.CALENDAR_YEAR
    months: int = 12
    eligible_org: OrgNode | None = None
    employment_form: str = ""
    price: Decimal = Decimal(0)
    bank_name: str = ""
    benefits: str = ""
    self_apply: bool = True


def _check_product(org: OrgNode, data: ProductFields) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = _("请填写卡名。")
    if data.kind not in CardKind.values:
        errors["kind"] = _("卡的类型无效。")
    if data.validity not in Validity.values:
        errors["validity"] = _("有效期方式无效。")
    if data.validity == Validity.MONTHS and not 1 <= data.months <= 120:
        errors["months"] = _("有效月数须在1至120之间。")
    if data.employment_form and data.employment_form not in EmploymentForm.values:
        errors["employment_form"] = _("限定对象无效。")
    if data.price < 0:
        errors["price"] = _("价格不能为负数。")
    if data.kind == CardKind.COBRAND and not data.bank_name.strip():
        errors["bank_name"] = _("联名银行卡须填写合作银行。")
    if data.eligible_org is not None and not data.eligible_org.path.startswith(org.path):
        errors["eligible_org"] = _("面向工会须是发卡工会或其下级工会。")
    return errors


@transaction.atomic
def card_product_create(*, actor: Any, org: OrgNode, data: ProductFields) -> CardProduct:
    require(actor, org, Perm.ORG_EDIT)
    errors = _check_product(org, data)
    if not errors and CardProduct.objects.filter(org=org, name=data.name.strip()).exists():
        errors["name"] = _("本会已有同名的卡。")
    if errors:
        raise ValidationError(errors)
    product = CardProduct.objects.create(
        org=org,
        name=data.name.strip(),
        kind=data.kind,
        validity=data.validity,
        months=data.months,
        eligible_org=data.eligible_org,
        employment_form=data.employment_form,
        price=data.price,
        bank_name=data.bank_name.strip(),
        benefits=data.benefits.strip(),
        self_apply=data.self_apply,
        created_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=product, org=org, detail={"name": product.name})
    return product


def validity_for(product: CardProduct, start: dt.date) -> tuple[dt.date, dt.date]:
    """The period a card issued on `start` runs: to the year's end, or N months less a day."""
    if product.validity == Validity.CALENDAR_YEAR:
        return start, dt.date(start.year, 12, 31)
    month = start.month - 1 + product.months
    year, month = start.year + month // 12, month % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return start, dt.date(year, month, day) - dt.timedelta(days=1)


def eligibility_problem(product: CardProduct, membership: Membership | None) -> str | None:
    if not product.is_active:
        return _("该卡已停发。")
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        return _("须为在册会员才能办卡。")
    if not membership.org.path.startswith(product.audience.path):
        return _("该卡面向%(org)s所属会员。") % {"org": product.audience.name}
    if product.employment_form and membership.employment_form != product.employment_form:
        return _("该卡仅限%(who)s办理。") % {"who": EmploymentForm(product.employment_form).label}
    return None


def new_card_number() -> str:
    return secrets.token_hex(6).upper()  # 12 hex digits: unguessable, never a member's own number


@transaction.atomic
def card_apply(*, person: Person, product: CardProduct) -> MemberCard:
    """A member applies in 我的; the issuing union decides."""
    membership = active_membership(person)
    if not product.self_apply:
        raise ValidationError(_("该卡由工会统一发放，无需申请。"))
    problem = eligibility_problem(product, membership)
    if problem:
        raise ValidationError(problem)
    assert membership is not None  # noqa: S101 - eligibility_problem refuses a missing membership
    if MemberCard.objects.filter(product=product, person=person, status__in=LIVE).exists():
        raise ValidationError(_("您已申请或持有该卡。"))
    try:
        with transaction.atomic():
            return MemberCard.objects.create(
                product=product,
                person=person,
                membership=membership,
                org=membership.org,
                number=new_card_number(),
                status=CardStatus.APPLIED,
            )
    except IntegrityError as exc:
        raise ValidationError(_("您已申请或持有该卡。")) from exc


def _locked(card: MemberCard) -> MemberCard:
    return MemberCard.objects.select_for_update().select_related("product", "product__org").get(pk=card.pk)


@transaction.atomic
def card_decide(*, actor: Any, card: MemberCard, approve: bool, reason: str = "", bank_last4: str = "") -> MemberCard:
    """The issuing union approves (the card runs from today) or refuses an application with a reason."""
    card = _locked(card)
    require(actor, card.product.org, Perm.ORG_EDIT)
    if card.status != CardStatus.APPLIED:
        raise ValidationError(_("该申请已处理（%(status)s）。") % {"status": card.get_status_display()})
    if approve:
        _set_bank_digits(card, bank_last4)
        card.valid_from, card.valid_until = validity_for(card.product, timezone.localdate())
        card.status = CardStatus.ACTIVE
    else:
        if not reason.strip():
            raise ValidationError({"reason": _("请填写未通过的原因。")})
        card.status = CardStatus.REJECTED
        card.reason = reason.strip()[:200]
    card.decided_by = actor
    card.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=card, org=card.org, detail={"status": card.status})
    return card


def _set_bank_digits(card: MemberCard, digits: str) -> None:
    digits = digits.strip()
    if card.product.kind != CardKind.COBRAND:
        return
    if not (len(digits) == 4 and digits.isascii() and digits.isdigit()):
        raise ValidationError({"bank_last4": _("联名银行卡请填写银行卡号的后四位（只存后四位）。")})
    card.bank_last4 = digits


def cards_issue_by_rule(*, actor: Any, product: CardProduct, under: OrgNode | None = None) -> int:
    """Issue the card to every eligible active member (of `under`'s subtree, if given) who holds no live one.

    Safe to run twice: members with a live card are skipped, and the database refuses a second one. On
    PostgreSQL one INSERT … SELECT issues them all (issue_fastpath); elsewhere cards are written in
    batches, each committing on its own, so a long run leaves whole batches behind.
    """
    require(actor, product.org, Perm.ORG_EDIT)
    if product.kind == CardKind.COBRAND:
        raise ValidationError(_("联名银行卡须逐张办理（要登记银行卡号后四位），不能按规则批量发放。"))
    if not product.is_active:
        raise ValidationError(_("该卡已停发。"))
    root = under or product.audience
    if not root.path.startswith(product.audience.path):
        raise ValidationError(_("只能向该卡面向的工会及其下级发放。"))
    start, until = validity_for(product, timezone.localdate())
    issued = issue_in_one_statement(product=product, root=root, start=start, until=until, actor_id=actor.pk)
    if issued is None:
        issued = _issue_in_batches(actor, product, root, start, until)
    audit_record(actor=actor, action=AuditAction.CREATE, target=product, org=product.org, detail={"issued": issued})
    return issued


def _issue_in_batches(actor: Any, product: CardProduct, root: OrgNode, start: dt.date, until: dt.date) -> int:
    members = Membership.objects.filter(status=MembershipStatus.ACTIVE, org__path__startswith=root.path)
    if product.employment_form:
        members = members.filter(employment_form=product.employment_form)
    holders = MemberCard.objects.filter(product=product, status__in=LIVE).values("person_id")
    rows = members.exclude(person_id__in=holders).values_list("pk", "person_id", "org_id").order_by("pk")
    before = MemberCard.objects.filter(product=product).count()
    batch: list[MemberCard] = []
    for membership_id, person_id, org_id in rows.iterator(chunk_size=ISSUE_BATCH):
        batch.append(
            MemberCard(
                product=product,
                person_id=person_id,
                membership_id=membership_id,
                org_id=org_id,
                number=new_card_number(),
                status=CardStatus.ACTIVE,
                valid_from=start,
                valid_until=until,
                decided_by=actor,
            )
        )
        if len(batch) == ISSUE_BATCH:
            _write(batch)
            batch = []
    _write(batch)
    return MemberCard.objects.filter(product=product).count() - before


def _write(batch: list[MemberCard]) -> None:
    if batch:
        with transaction.atomic():
            # A card issued meanwhile (an application approved during the run) is skipped, not doubled.
            MemberCard.objects.bulk_create(batch, ignore_conflicts=True)


@transaction.atomic
def card_report_lost(*, card: MemberCard, actor: Any = None) -> MemberCard:
    card = _locked(card)
    if actor is not None and not getattr(actor, "is_worker", False):
        require(actor, card.product.org, Perm.ORG_EDIT)
    if card.status != CardStatus.ACTIVE:
        raise ValidationError(_("只有有效的卡可以挂失。"))
    card.status = CardStatus.LOST
    card.save(update_fields=["status", "updated_at"])
    return card


@transaction.atomic
def card_cancel(*, actor: Any, card: MemberCard, reason: str) -> MemberCard:
    """注销: the union ends a card (a lost one, or a member who left); the member may then get a new one."""
    card = _locked(card)
    require(actor, card.product.org, Perm.ORG_EDIT)
    if card.status not in (CardStatus.ACTIVE, CardStatus.LOST, CardStatus.EXPIRED):
        raise ValidationError(_("该卡不能注销（%(status)s）。") % {"status": card.get_status_display()})
    if not reason.strip():
        raise ValidationError({"reason": _("请填写注销原因。")})
    card.status = CardStatus.CANCELLED
    card.reason = reason.strip()[:200]
    card.decided_by = actor
    card.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=card, org=card.org, detail={"cancelled": card.reason})
    return card


@transaction.atomic
def card_renew(*, actor: Any, card: MemberCard) -> MemberCard:
    """Renew for the next period: from the day after it runs out (or today, if it already has)."""
    card = _locked(card)
    require(actor, card.product.org, Perm.ORG_EDIT)
    if card.status not in (CardStatus.ACTIVE, CardStatus.EXPIRED) or card.valid_until is None:
        raise ValidationError(_("只有有效或过期的卡可以续期。"))
    problem = eligibility_problem(card.product, active_membership(card.person))
    if problem:
        raise ValidationError(problem)
    start = max(card.valid_until + dt.timedelta(days=1), timezone.localdate())
    card.valid_until = validity_for(card.product, start)[1]
    card.status = CardStatus.ACTIVE
    card.save(update_fields=["valid_until", "status", "updated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=card, org=card.org, detail={"renewed": str(start)})
    return card


def cards_expire(*, today: dt.date | None = None) -> int:
    """Mark cards past their period as expired. Safe to run any time (cron: manage.py cards_expire)."""
    today = today or timezone.localdate()
    return MemberCard.objects.filter(status=CardStatus.ACTIVE, valid_until__lt=today).update(
        status=CardStatus.EXPIRED, updated_at=timezone.now()
    )
