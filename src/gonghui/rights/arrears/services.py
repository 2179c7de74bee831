"""Writes of 欠薪治理: a worker reports unpaid wages in 我的, or the union opens a report itself; then the
loop 受理 → 分流 (to mediation, creating the dispute; to 人社 labour inspection; or back to the enterprise) →
处置 (what was recovered) → 反馈 (told to the worker) → 回访 (closed). Drives before 春节 and what counts.

Every step moves the report with one conditional UPDATE and records itself once (a unique step per stage),
so two officers pressing the same button get one step; every refusal is a Chinese ValidationError raised
before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.selectors import enterprise_in_scope
from gonghui.rights.arrears.choices import ArrearsStage, ReportSource, Route
from gonghui.rights.arrears.drives import drive_for
from gonghui.rights.arrears.models import Report, Step
from gonghui.rights.base.access import require_rights
from gonghui.rights.mediation.checks import ClaimIn, WorkerIn, checked_amount, long_text
from gonghui.rights.mediation.choices import DisputeSource
from gonghui.rights.mediation.intake import dispute_open

MAX_WORKERS = 100_000


def _workers(count: int | None) -> int:
    if count is None or not 1 <= count <= MAX_WORKERS:
        raise ValidationError({"workers_affected": _("涉及职工人数应在 1–100000 人之间。")})
    return count


def _step(report: Report, stage: str, actor: User | None, note: str = "") -> None:
    try:
        with transaction.atomic():
            Step.objects.create(report=report, stage=stage, note=note[:500], by=actor)
    except IntegrityError:
        raise ValidationError(_("该环节已办理。")) from None


def _moved(report: Report, allowed: Sequence[str], to: str, **fields: object) -> None:
    done = Report.objects.filter(pk=report.pk, stage__in=list(allowed)).update(
        stage=to, updated_at=timezone.now(), **fields
    )
    if not done:
        report.refresh_from_db(fields=["stage"])
        raise ValidationError(_("该线索当前为“%(s)s”，不能进行此操作。") % {"s": ArrearsStage(report.stage).label})
    report.stage = to
    for name, value in fields.items():
        setattr(report, name, value)


def _audit(actor: User, report: Report, **detail: object) -> None:
    audit_record(actor=actor, action=AuditAction.UPDATE, target=report, org=report.org, detail=detail)


@transaction.atomic
def report_submit(
    *,
    actor: User,
    person: Person,
    enterprise_name: str,
    amount_owed: Decimal | str | int | None,
    summary: str,
    workers_affected: int | None = 1,
    months: str = "",
) -> Report:
    """A worker reports unpaid wages in 我的; their union receives it, waiting to be accepted."""
    membership = active_membership(person)
    if membership is None:
        raise ValidationError(_("请先加入工会，或拨打工会维权热线、到工会服务中心反映。"))
    errors: dict[str, str] = {}
    name = clean_text(enterprise_name)[:200]
    if not name:
        errors["enterprise_name"] = _("请填写用人单位名称。")
    text = long_text(summary, 2000)
    if not text:
        errors["summary"] = _("请说明欠薪的情况。")
    if errors:
        raise ValidationError(errors)
    owed = checked_amount(amount_owed, "amount_owed", label=_("欠薪"))
    report = Report.objects.create(
        org=membership.org,
        enterprise_name=name,
        source=ReportSource.WORKER,
        stage=ArrearsStage.REPORTED,
        reporter=person,
        summary=text,
        months=clean_text(months)[:100],
        amount_owed=owed,
        workers_affected=_workers(workers_affected),
        received_on=timezone.localdate(),
        created_by=actor,
    )
    _step(report, ArrearsStage.REPORTED, actor, _("职工在“我的”反映"))
    return report


@transaction.atomic
def report_open(
    *,
    actor: User,
    org: OrgNode,
    enterprise_uscc: str,
    source: str,
    amount_owed: Decimal | str | int | None,
    summary: str,
    workers_affected: int | None = 1,
    months: str = "",
    received_on: dt.date | None = None,
    deadline: dt.date | None = None,
) -> Report:
    """A rights officer opens (and so accepts) a report about an enterprise under `org`."""
    require_rights(actor, org)
    errors: dict[str, list[str]] = {}
    enterprise = None
    try:
        enterprise = enterprise_in_scope(actor, enterprise_uscc, org, Perm.RIGHTS, field="enterprise")
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if source not in ReportSource.values or source == ReportSource.WORKER:
        errors["source"] = [_("来源无效。")]
    text = long_text(summary, 2000)
    if not text:
        errors["summary"] = [_("请说明欠薪的情况。")]
    today = timezone.localdate()
    day = received_on or today
    if day > today:
        errors["received_on"] = [_("受理日期不能晚于今天。")]
    if deadline is not None and deadline < day:
        errors["deadline"] = [_("处置期限不能早于受理日期。")]
    owed = Decimal(0)
    try:
        owed = checked_amount(amount_owed, "amount_owed", label=_("欠薪"))
    except ValidationError as exc:
        errors["amount_owed"] = exc.messages
    if workers_affected is None or not 1 <= workers_affected <= MAX_WORKERS:
        errors["workers_affected"] = [_("涉及职工人数应在 1–100000 人之间。")]
    if errors or enterprise is None:
        raise ValidationError(errors)
    report = Report.objects.create(
        org=org,
        enterprise=enterprise,
        enterprise_name=enterprise.name,
        source=source,
        stage=ArrearsStage.ACCEPTED,
        summary=text,
        months=clean_text(months)[:100],
        amount_owed=owed,
        workers_affected=_workers(workers_affected),
        received_on=day,
        deadline=deadline,
        drive=drive_for(org, day),
        created_by=actor,
    )
    _step(report, ArrearsStage.ACCEPTED, actor, _("工会受理"))
    audit_record(actor=actor, action=AuditAction.CREATE, target=report, org=org, detail={"source": source})
    return report


@transaction.atomic
def report_accept(
    *, actor: User, report: Report, enterprise_uscc: str, deadline: dt.date | None = None, note: str = ""
) -> Report:
    """受理 a worker's report, naming the enterprise (under the report's union) by its code."""
    require_rights(actor, report.org)
    enterprise = enterprise_in_scope(actor, enterprise_uscc, report.org, Perm.RIGHTS, field="enterprise")
    if deadline is not None and deadline < report.received_on:
        raise ValidationError({"deadline": _("处置期限不能早于受理日期。")})
    _moved(
        report,
        [ArrearsStage.REPORTED],
        ArrearsStage.ACCEPTED,
        enterprise=enterprise,
        enterprise_name=enterprise.name,
        deadline=deadline,
        drive=drive_for(report.org, report.received_on),
    )
    _step(report, ArrearsStage.ACCEPTED, actor, clean_text(note) or _("工会受理"))
    _audit(actor, report, to="accepted")
    return report


@transaction.atomic
def report_reject(*, actor: User, report: Report, reason: str) -> Report:
    require_rights(actor, report.org)
    reason = clean_text(reason)[:500]
    if not reason:
        raise ValidationError({"reason": _("请填写不予受理的原因。")})
    _moved(report, [ArrearsStage.REPORTED], ArrearsStage.REJECTED, closed_on=timezone.localdate(), feedback=reason)
    _step(report, ArrearsStage.REJECTED, actor, reason)
    _audit(actor, report, to="rejected")
    return report


@transaction.atomic
def report_divert(
    *, actor: User, report: Report, route: str, note: str = "", workers: Sequence[WorkerIn] = ()
) -> Report:
    """分流: to mediation (a dispute is opened from the report, its workers and the wages owed), to 人社's
    labour inspection, or back to the enterprise with a deadline to pay."""
    require_rights(actor, report.org)
    if route not in Route.values:
        raise ValidationError({"route": _("请选择分流去向。")})
    if report.stage != ArrearsStage.ACCEPTED:
        raise ValidationError(_("该线索当前为“%(s)s”，不能进行此操作。") % {"s": ArrearsStage(report.stage).label})
    dispute = None
    if route == Route.MEDIATION:
        parties = list(workers)
        if report.reporter is not None and report.reporter.id_number is not None:
            parties.insert(0, WorkerIn(report.reporter.name, report.reporter.id_number.reveal()))
        if not parties:
            raise ValidationError({"workers": _("转调解须登记至少一名职工当事人。")})
        if report.enterprise is None:  # an accepted report names its enterprise (a database check)
            raise ValidationError(_("请先受理并核对用人单位。"))
        dispute = dispute_open(
            actor=actor,
            org=report.org,
            enterprise_uscc=report.enterprise.uscc,
            source=DisputeSource.ARREARS,
            summary=_("欠薪线索 %(n)s 转来：%(s)s") % {"n": report.number, "s": report.summary},
            workers=parties,
            claims=[ClaimIn(kind="wages", amount=report.amount_owed, note=report.months)],
        )
    try:
        with transaction.atomic():
            _moved(report, [ArrearsStage.ACCEPTED], ArrearsStage.DIVERTED, route=route, dispute=dispute)
    except IntegrityError:
        raise ValidationError(_("该线索已转调解。")) from None
    _step(report, ArrearsStage.DIVERTED, actor, clean_text(note) or str(Route(route).label))
    _audit(actor, report, route=route, dispute=dispute.pk if dispute else None)
    return report


@transaction.atomic
def report_handle(*, actor: User, report: Report, recovered: Decimal | str | int | None, note: str) -> Report:
    """处置: what was recovered for the workers (never more than was owed), and how."""
    require_rights(actor, report.org)
    amount = checked_amount(recovered, "amount_recovered", label=_("追回"))
    if amount > report.amount_owed:
        raise ValidationError({"amount_recovered": _("追回金额不能超过欠薪金额。")})
    text = clean_text(note)[:500]
    if not text:
        raise ValidationError({"note": _("请填写处置情况。")})
    _moved(report, [ArrearsStage.DIVERTED], ArrearsStage.HANDLED, amount_recovered=amount, handling=text)
    _step(report, ArrearsStage.HANDLED, actor, text)
    _audit(actor, report, recovered=str(amount))
    return report


@transaction.atomic
def report_feedback(*, actor: User, report: Report, note: str) -> Report:
    """反馈: what the worker is told (they read it in 我的)."""
    require_rights(actor, report.org)
    text = clean_text(note)[:500]
    if not text:
        raise ValidationError({"note": _("请填写反馈给职工的内容。")})
    _moved(report, [ArrearsStage.HANDLED], ArrearsStage.FED_BACK, feedback=text)
    _step(report, ArrearsStage.FED_BACK, actor, text)
    _audit(actor, report, to="fed_back")
    return report


@transaction.atomic
def report_visit(*, actor: User, report: Report, satisfied: bool, note: str = "") -> Report:
    """回访: the worker asked whether the wages arrived and they are satisfied; the report is closed."""
    require_rights(actor, report.org)
    text = clean_text(note)[:500]
    _moved(
        report,
        [ArrearsStage.FED_BACK],
        ArrearsStage.VISITED,
        satisfied=satisfied,
        visit_note=text,
        closed_on=timezone.localdate(),
    )
    _step(report, ArrearsStage.VISITED, actor, text)
    _audit(actor, report, to="visited", satisfied=satisfied)
    return report
