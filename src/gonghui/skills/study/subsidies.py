"""The subsidy of an approved application, paid through the aid ledger, and the graduation it leads to.

The money rules are the ledger's (ADR 0005): a maker enters a 助学 payout, a different finance user
approves it. What this module adds is "one subsidy per application": the application row is locked while
a payout is entered for it, and its link moves from one payout to a new one only when the ledger refused
the first (a compare-and-set UPDATE on the link), so an application never has two payouts that could both
be approved. Two checkers approving at once queue on the application's row (and the ledger's own lock on
the payout): the second finds it paid.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.common.uploads import EXTENSIONS, check_upload
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.ledger.payouts import aid_payout_approve, aid_payout_create, aid_payout_reject
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.study.choices import PLACED, StudyStatus
from gonghui.skills.study.models import Application, Programme
from gonghui.skills.study.services import standard_for

CERTIFICATE_BYTES = 8 * 1024 * 1024
PAID_ALREADY = _("该申请已发放补助，不能重复发放。")


def _locked(application: Application) -> Application:
    """The application, locked, then read afresh with its payout. The lock is taken on the bare row: after
    waiting for it, a joined read would still show the payout as the statement first found it (none)."""
    Application.objects.select_for_update().filter(pk=application.pk).values_list("pk").get()
    return Application.objects.select_related("programme", "programme__org", "person", "payout").get(pk=application.pk)


def programme_committed(programme: Programme) -> Decimal:
    """The programme's subsidies entered or paid (the ledger's pending and approved payouts)."""
    total = Payout.objects.filter(
        study_application__programme=programme, status__in=[PayoutStatus.PENDING, PayoutStatus.APPROVED]
    ).aggregate(total=Sum("amount"))["total"]
    return total or Decimal(0)


def _refuse_second(application: Application) -> None:
    payout = application.payout
    if payout is None or payout.status == PayoutStatus.REJECTED:
        return
    if payout.status == PayoutStatus.APPROVED:
        raise ValidationError(PAID_ALREADY, code="paid")
    raise ValidationError(_("该申请已登记补助，正等待财务审核，不能重复登记。"), code="pending")


@transaction.atomic
def subsidy_enter(
    *,
    actor: User,
    application: Application,
    amount: Decimal,
    paid_on: dt.date,
    fund: str = FundSource.UNION_FUNDS,
    reference: str = "",
) -> Payout:
    """The maker enters the subsidy of an approved application: within the level's standard, the fees and
    the programme's budget; it is paid once a different finance user approves it."""
    application = _locked(application)
    programme = application.programme
    if application.status not in PLACED:
        raise ValidationError(_("申请批准后才能发放补助。"), code="not_approved")
    _refuse_second(application)
    standard = standard_for(programme, application.level) or Decimal(0)
    if amount <= 0:
        raise ValidationError({"amount": _("补助金额须大于0元。")})
    if amount > standard:
        over = _("超过本计划%(level)s的补助标准%(s)s元。")
        raise ValidationError({"amount": over % {"level": application.get_level_display(), "s": standard}})
    if amount > application.fees:
        raise ValidationError({"amount": _("补助金额不能超过学费%(f)s元。") % {"f": application.fees}})
    if fund not in FundSource.values:
        raise ValidationError({"fund": _("资金来源无效。")})
    Programme.objects.select_for_update().get(pk=programme.pk)  # one programme's entries queue for the budget
    committed = programme_committed(programme)
    if committed + amount > programme.budget:
        raise ValidationError(
            {"amount": _("超出本计划补助预算%(b)s元（已登记%(c)s元）。") % {"b": programme.budget, "c": committed}}
        )
    payout = aid_payout_create(
        actor=actor,
        org=programme.org,
        kind=PayoutKind.STUDY,
        fund=FundSource(fund),
        paid_on=paid_on,
        amount=amount,
        person=application.person,
        reference=clean_text(reference)[:50],
    )
    was = Q(payout__isnull=True) if application.payout_id is None else Q(payout_id=application.payout_id)
    linked = Application.objects.filter(was, pk=application.pk).update(payout=payout, updated_at=timezone.now())
    if linked != 1:  # never while the row lock holds; the compare-and-set is the guard's second half
        raise ValidationError(_("该申请已登记补助，不能重复登记。"), code="pending")
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=payout,
        org=programme.org,
        detail={"study_application": application.pk, "amount": str(amount)},
    )
    application.payout = payout
    return payout


@transaction.atomic
def subsidy_approve(*, actor: User, application: Application) -> Payout:
    """The checker approves the subsidy in the ledger (finance in scope, not the maker): it is paid."""
    application = _locked(application)
    payout = application.payout
    if payout is None or payout.status == PayoutStatus.REJECTED:
        raise ValidationError(_("该申请还没有待审核的补助。"), code="no_payout")
    if payout.status == PayoutStatus.APPROVED:
        raise ValidationError(PAID_ALREADY, code="paid")
    return aid_payout_approve(actor=actor, payout=payout)


@transaction.atomic
def subsidy_reject(*, actor: User, application: Application, reason: str) -> Payout:
    """The checker sends the entry back (a wrong amount, a missing voucher); a new one may then be entered."""
    application = _locked(application)
    payout = application.payout
    if payout is None or payout.status != PayoutStatus.PENDING:
        raise ValidationError(_("该申请没有待审核的补助。"), code="no_payout")
    return aid_payout_reject(actor=actor, payout=payout, reason=reason)


def is_paid(application: Application) -> bool:
    return application.payout is not None and application.payout.status == PayoutStatus.APPROVED


# --- graduation ------------------------------------------------------------------------------------------


@transaction.atomic
def application_graduate(
    *,
    actor: User,
    application: Application,
    graduated_on: dt.date,
    certificate_no: str,
    certificate: IO[bytes] | None = None,
    certificate_size: int = 0,
) -> Application:
    """Record that the worker graduated: the date, the certificate's number and, if at hand, its scan."""
    application = _locked(application)
    require(actor, application.programme.org, Perm.REVIEW)
    if application.status == StudyStatus.GRADUATED:
        raise ValidationError(_("已登记毕业，无需重复登记。"))
    if application.status != StudyStatus.APPROVED:
        raise ValidationError(_("申请批准后才能登记毕业。"))
    certificate_no = clean_text(certificate_no)
    errors: dict[str, str] = {}
    if graduated_on > timezone.localdate():
        errors["graduated_on"] = _("毕业日期不能晚于今天。")
    elif graduated_on.year < application.enrolled_year:
        errors["graduated_on"] = _("毕业日期不能早于入学年份。")
    if not certificate_no:
        errors["certificate_no"] = _("请填写毕业证书编号。")
    elif len(certificate_no) > 50:
        errors["certificate_no"] = _("证书编号不超过50字。")
    if errors:
        raise ValidationError(errors)
    if certificate is not None:
        try:
            checked = check_upload(
                certificate, size=certificate_size, families={"image", "pdf"}, max_bytes=CERTIFICATE_BYTES
            )
        except ValidationError as exc:
            raise ValidationError({"certificate": exc.messages}) from None
        application.certificate_type = checked.content_type
        application.certificate.save(f"certificate{EXTENSIONS[checked.content_type]}", File(certificate), save=False)
    application.status = StudyStatus.GRADUATED
    application.graduated_on = graduated_on
    application.certificate_no = certificate_no
    application.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=application,
        org=application.programme.org,
        detail={"graduated_on": graduated_on.isoformat()},
    )
    return application
