"""Handling a dispute to its outcome: a panel and mediator, sessions with minutes, then an agreement both
parties confirmed (with its payments and 司法确认), a withdrawal, or a referral to arbitration or court.

Each move of the status is one conditional UPDATE (intake.moved), so two officers acting at once cannot
both close a case; an agreement is one per dispute in the database too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.members.models import Person
from gonghui.orgs.models import paths_up
from gonghui.rights.base.access import require_rights
from gonghui.rights.mediation.checks import checked_amount, long_text
from gonghui.rights.mediation.choices import REFERRALS, Judicial, Status
from gonghui.rights.mediation.intake import moved
from gonghui.rights.mediation.models import Agreement, Dispute, Mediator, Panel, Payment, Session

HANDLING = (Status.OPEN, Status.MEDIATING)


@dataclass(frozen=True)
class PaymentIn:
    amount: Decimal | str | int
    due_on: dt.date


def _not_future(day: dt.date | None, field: str, label: str) -> dt.date:
    if day is None:
        raise ValidationError({field: _("请填写%(l)s。") % {"l": label}})
    if day > timezone.localdate():
        raise ValidationError({field: _("%(l)s不能晚于今天。") % {"l": label}})
    return day


def _audit(actor: User, dispute: Dispute, **detail: object) -> None:
    audit_record(actor=actor, action=AuditAction.UPDATE, target=dispute, org=dispute.org, detail=detail)


@transaction.atomic
def dispute_assign(*, actor: User, dispute: Dispute, panel: Panel, mediator: Mediator | None = None) -> Dispute:
    """Give the case to a panel of its union or a union above, and optionally name the presiding mediator."""
    require_rights(actor, dispute.org)
    if dispute.status not in HANDLING:
        raise ValidationError(_("只有已受理、调解中的案件可以指派调解组织。"))
    if not panel.is_active or panel.org.path not in paths_up(dispute.org.path):
        raise ValidationError({"panel": _("只能指派本会或上级工会的在用调解组织。")})
    if mediator is not None and (mediator.panel_id != panel.pk or not mediator.is_active):
        raise ValidationError({"mediator": _("调解员须是该调解组织的在任成员。")})
    dispute.panel, dispute.mediator = panel, mediator
    dispute.save(update_fields=["panel", "mediator", "updated_at"])
    _audit(actor, dispute, panel=panel.pk, mediator=mediator.pk if mediator else None)
    return dispute


@transaction.atomic
def session_record(
    *,
    actor: User,
    dispute: Dispute,
    held_on: dt.date | None,
    minutes: str,
    place: str = "",
    mediator: Mediator | None = None,
) -> Session:
    """Minutes of a mediation meeting; the first one takes an accepted case to 调解中."""
    require_rights(actor, dispute.org)
    day = _not_future(held_on, "held_on", _("调解日期"))
    text = long_text(minutes, 5000)
    if not text:
        raise ValidationError({"minutes": _("请填写调解笔录。")})
    if mediator is not None and (dispute.panel_id is None or mediator.panel_id != dispute.panel_id):
        raise ValidationError({"mediator": _("调解员须是本案调解组织的成员。")})
    if dispute.status == Status.OPEN:
        moved(dispute, [Status.OPEN], Status.MEDIATING)
    elif dispute.status != Status.MEDIATING:
        raise ValidationError(_("只有已受理、调解中的案件可以登记调解记录。"))
    session = Session.objects.create(
        dispute=dispute,
        held_on=day,
        minutes=text,
        place=clean_text(place)[:200] or (dispute.panel.place if dispute.panel else ""),
        mediator=mediator or dispute.mediator,
        recorded_by=actor,
    )
    _audit(actor, dispute, session=session.pk)
    return session


@transaction.atomic
def agreement_record(
    *,
    actor: User,
    dispute: Dispute,
    terms: str,
    amount: Decimal | str | int,
    signed_on: dt.date | None,
    worker_signatory: str,
    worker_confirmed_on: dt.date | None,
    enterprise_signatory: str,
    enterprise_confirmed_on: dt.date | None,
    payments: Sequence[PaymentIn] = (),
) -> Agreement:
    """调解协议: both parties must have confirmed it (who signed, and when), or nothing is recorded."""
    require_rights(actor, dispute.org)
    errors: dict[str, str] = {}
    if not (clean_text(worker_signatory) and worker_confirmed_on):
        errors["worker_confirmed_on"] = _("调解协议须经职工方确认：请填写签字人和确认日期。")
    if not (clean_text(enterprise_signatory) and enterprise_confirmed_on):
        errors["enterprise_confirmed_on"] = _("调解协议须经用人单位确认：请填写签字人和确认日期。")
    text = long_text(terms, 5000)
    if not text:
        errors["terms"] = _("请填写协议内容。")
    if errors or worker_confirmed_on is None or enterprise_confirmed_on is None:
        raise ValidationError(errors)
    total = checked_amount(amount, "amount", label=_("协议"))
    day = _not_future(signed_on, "signed_on", _("签订日期"))
    _not_future(worker_confirmed_on, "worker_confirmed_on", _("职工方确认日期"))
    _not_future(enterprise_confirmed_on, "enterprise_confirmed_on", _("用人单位确认日期"))
    rows = [Payment(amount=checked_amount(p.amount, "payments", label=_("分期")), due_on=p.due_on) for p in payments]
    if any(p.amount == 0 for p in rows):
        raise ValidationError({"payments": _("每期支付金额须大于零。")})
    if rows and sum((p.amount for p in rows), Decimal(0)) != total:
        raise ValidationError({"payments": _("各期支付金额之和须等于协议金额。")})
    if dispute.status not in HANDLING:
        raise ValidationError(_("只有已受理、调解中的案件可以登记调解协议。"))
    moved(dispute, HANDLING, Status.AGREED, closed_on=day, outcome_note="")
    try:
        with transaction.atomic():
            agreement = Agreement.objects.create(
                dispute=dispute,
                terms=text,
                amount=total,
                signed_on=day,
                worker_signatory=clean_text(worker_signatory)[:50],
                worker_confirmed_on=worker_confirmed_on,
                enterprise_signatory=clean_text(enterprise_signatory)[:50],
                enterprise_confirmed_on=enterprise_confirmed_on,
                recorded_by=actor,
            )
    except IntegrityError:
        raise ValidationError(_("该案件已有调解协议。")) from None
    for row in rows:
        row.agreement = agreement
    Payment.objects.bulk_create(rows)
    _audit(actor, dispute, agreement=str(total))
    return agreement


@transaction.atomic
def dispute_withdraw(*, actor: User, dispute: Dispute, reason: str = "") -> Dispute:
    """The worker withdraws (recorded by the officer)."""
    require_rights(actor, dispute.org)
    moved(
        dispute,
        [Status.SUBMITTED, *HANDLING],
        Status.WITHDRAWN,
        closed_on=timezone.localdate(),
        outcome_note=clean_text(reason)[:500],
    )
    _audit(actor, dispute, to="withdrawn")
    return dispute


@transaction.atomic
def dispute_withdraw_own(*, person: Person, dispute: Dispute) -> Dispute:
    """The worker withdraws their own application in 我的, before mediation has begun."""
    if dispute.reporter_id != person.pk:
        raise ValidationError(_("只能撤回本人提交的申请。"))
    moved(
        dispute,
        [Status.SUBMITTED, Status.OPEN],
        Status.WITHDRAWN,
        closed_on=timezone.localdate(),
        outcome_note=_("职工本人撤回申请"),
    )
    return dispute


@transaction.atomic
def dispute_refer(*, actor: User, dispute: Dispute, to: str, note: str = "") -> Dispute:
    """Mediation failed or was refused: the case goes to labour arbitration or to court."""
    require_rights(actor, dispute.org)
    if to not in REFERRALS:
        raise ValidationError({"to": _("请选择转劳动仲裁或转法院诉讼。")})
    moved(dispute, HANDLING, to, closed_on=timezone.localdate(), outcome_note=clean_text(note)[:500])
    _audit(actor, dispute, to=to)
    return dispute


@transaction.atomic
def judicial_apply(*, actor: User, agreement: Agreement, court: str, applied_on: dt.date | None) -> Agreement:
    """The parties applied to a court to confirm the agreement (司法确认)."""
    require_rights(actor, agreement.dispute.org)
    court = clean_text(court)[:100]
    if not court:
        raise ValidationError({"court": _("请填写受理司法确认的法院。")})
    day = _not_future(applied_on, "applied_on", _("申请日期"))
    if day < agreement.signed_on:
        raise ValidationError({"applied_on": _("申请日期不能早于协议签订日期。")})
    done = Agreement.objects.filter(pk=agreement.pk, judicial=Judicial.NONE).update(
        judicial=Judicial.APPLIED, court=court, judicial_applied_on=day, updated_at=timezone.now()
    )
    if not done:
        raise ValidationError(_("该协议已申请过司法确认。"))
    agreement.refresh_from_db()
    _audit(actor, agreement.dispute, judicial="applied")
    return agreement


@transaction.atomic
def judicial_decide(
    *, actor: User, agreement: Agreement, confirmed: bool, decided_on: dt.date | None, note: str = ""
) -> Agreement:
    """The court's ruling on the application: confirmed (enforceable) or refused."""
    require_rights(actor, agreement.dispute.org)
    day = _not_future(decided_on, "decided_on", _("裁定日期"))
    if agreement.judicial_applied_on and day < agreement.judicial_applied_on:
        raise ValidationError({"decided_on": _("裁定日期不能早于申请日期。")})
    to = Judicial.CONFIRMED if confirmed else Judicial.REFUSED
    done = Agreement.objects.filter(pk=agreement.pk, judicial=Judicial.APPLIED).update(
        judicial=to, judicial_decided_on=day, judicial_note=clean_text(note)[:200], updated_at=timezone.now()
    )
    if not done:
        raise ValidationError(_("只有已申请司法确认的协议可以登记法院裁定。"))
    agreement.refresh_from_db()
    _audit(actor, agreement.dispute, judicial=to)
    return agreement


@transaction.atomic
def payment_paid(*, actor: User, payment: Payment, paid_on: dt.date | None) -> Payment:
    require_rights(actor, payment.agreement.dispute.org)
    day = _not_future(paid_on, "paid_on", _("支付日期"))
    if payment.paid_on is not None:
        raise ValidationError(_("该期已登记支付。"))
    payment.paid_on = day
    payment.save(update_fields=["paid_on"])
    _audit(actor, payment.agreement.dispute, paid=str(payment.amount))
    return payment
