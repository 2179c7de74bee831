"""Writes of a collective contract before and after its negotiation: opening it with the 要约 and its terms,
the terms while it is not yet signed, the enterprises a regional or industry contract covers, and renewal.

The stages of the negotiation (meetings, 职代会 deliberation, signing, filing, 公示) are in `stages`.
Contracts are union work, not case files: Perm.ORG_EDIT on the negotiating union writes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.rights.contracts.choices import OPEN_STAGES, SIGNED_STAGES, ContractLevel, ContractStage, Kind, Party
from gonghui.rights.contracts.models import Contract, Coverage

MAX_YEARS = 3  # 集体合同期限一般为一至三年 (《集体合同规定》第三十八条)


@dataclass
class Terms:
    starts_on: dt.date
    ends_on: dt.date
    wage_growth: Decimal | None = None
    min_wage: Decimal | None = None
    weekly_hours: Decimal | None = None


def check_terms(terms: Terms) -> dict[str, str]:
    errors: dict[str, str] = {}
    if terms.ends_on < terms.starts_on:
        errors["ends_on"] = _("合同期限止不能早于期限起。")
    elif terms.ends_on > terms.starts_on.replace(year=terms.starts_on.year + MAX_YEARS):
        errors["ends_on"] = _("集体合同期限为一至三年。")
    if terms.wage_growth is not None and not Decimal(-50) <= terms.wage_growth <= Decimal(100):
        errors["wage_growth"] = _("工资增长幅度须在-50%至100%之间。")
    if terms.min_wage is not None and not Decimal(0) < terms.min_wage < Decimal(100000):
        errors["min_wage"] = _("企业最低工资须为大于0的月工资（元）。")
    if terms.weekly_hours is not None and not Decimal(0) < terms.weekly_hours <= Decimal(44):
        errors["weekly_hours"] = _("每周工时须大于0且不超过44小时。")
    return errors


def _set_terms(contract: Contract, terms: Terms) -> None:
    for field in fields(Terms):
        setattr(contract, field.name, getattr(terms, field.name))


def roster(enterprises: list[Enterprise]) -> dict[int, int]:
    """{enterprise id: active members of its union's subtree} — the workers a contract covers there."""
    counts: dict[str, int] = {}
    for enterprise in enterprises:
        path = enterprise.union.path
        if path not in counts:
            active = Membership.objects.filter(status=MembershipStatus.ACTIVE, org__path__startswith=path)
            counts[path] = active.count()
    return {e.pk: counts[e.union.path] for e in enterprises}


def _cover(contract: Contract, enterprises: list[Enterprise]) -> None:
    outside = [e.name for e in enterprises if not e.union.path.startswith(contract.org.path)]
    if outside:
        raise ValidationError(
            {
                "enterprises": _("企业“%(names)s”不在%(org)s及其下级工会范围内，不能纳入合同覆盖。")
                % {"names": "、".join(outside[:5]), "org": contract.org.name}
            }
        )
    counts = roster(enterprises)
    Coverage.objects.filter(contract=contract).delete()
    Coverage.objects.bulk_create(Coverage(contract=contract, enterprise=e, workers=counts[e.pk]) for e in enterprises)
    # Two enterprises of one union share its roster: count it once.
    by_union = {e.union.path: counts[e.pk] for e in enterprises}
    contract.workers = sum(by_union.values())


@transaction.atomic
def contract_open(
    *,
    actor: User,
    org: OrgNode,
    level: str,
    kind: str,
    title: str,
    terms: Terms,
    offered_on: dt.date,
    offered_by: str = Party.UNION,
    enterprise: Enterprise | None = None,
    enterprises: list[Enterprise] | None = None,
    renews: Contract | None = None,
) -> Contract:
    """Record the 要约 that opens a negotiation. An enterprise contract is negotiated by the enterprise's own
    union; a regional or industry one by the union given, for the enterprises given under it."""
    if enterprise is not None and level == ContractLevel.ENTERPRISE:
        org = enterprise.union
    require(actor, org, Perm.ORG_EDIT)
    errors = check_terms(terms)
    if level not in ContractLevel.values:
        errors["level"] = _("合同层级无效。")
    if kind not in Kind.values:
        errors["kind"] = _("合同类别无效。")
    if offered_by not in Party.values:
        errors["offered_by"] = _("要约方无效。")
    if offered_on > timezone.localdate():
        errors["offered_on"] = _("要约日期不能晚于今天。")
    if level == ContractLevel.ENTERPRISE and enterprise is None:
        errors["enterprise"] = _("企业集体合同须选择企业。")
    if level != ContractLevel.ENTERPRISE and not enterprises:
        errors["enterprises"] = _("区域性、行业性集体合同须列出覆盖的企业。")
    name = clean_text(title)[:100]
    if not name:
        errors["title"] = _("请填写合同名称。")
    if errors:
        raise ValidationError(errors)
    contract = Contract(
        org=org,
        level=level,
        kind=kind,
        title=name,
        enterprise=enterprise if level == ContractLevel.ENTERPRISE else None,
        offered_on=offered_on,
        offered_by=offered_by,
        renews=renews,
        created_by=actor,
    )
    _set_terms(contract, terms)
    try:
        with transaction.atomic():
            contract.save()
    except IntegrityError as exc:  # renews is unique: the contract was renewed a moment ago
        raise ValidationError(_("该合同已续签，请查看续签的合同。")) from exc
    _cover(contract, [enterprise] if level == ContractLevel.ENTERPRISE and enterprise else list(enterprises or []))
    contract.save(update_fields=["workers"])
    audit_record(
        actor=actor, action=AuditAction.CREATE, target=contract, org=org, detail={"level": level, "kind": kind}
    )
    return contract


def locked(contract: Contract) -> Contract:
    return (
        Contract.objects.select_for_update(of=("self",)).select_related("org", "enterprise__union").get(pk=contract.pk)
    )


@transaction.atomic
def terms_set(*, actor: User, contract: Contract, terms: Terms) -> Contract:
    """Change the terms while the contract is being negotiated (a signed contract's terms are what was signed)."""
    contract = locked(contract)
    require(actor, contract.org, Perm.ORG_EDIT)
    if contract.stage not in OPEN_STAGES:
        raise ValidationError(_("合同已签订，条款不能再修改；如需变更，请续签或重新协商。"))
    errors = check_terms(terms)
    if errors:
        raise ValidationError(errors)
    _set_terms(contract, terms)
    contract.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=contract, org=contract.org, detail={"terms": 1})
    return contract


@transaction.atomic
def coverage_set(*, actor: User, contract: Contract, enterprises: list[Enterprise]) -> Contract:
    """The enterprises a regional or industry contract covers (before it is signed)."""
    contract = locked(contract)
    require(actor, contract.org, Perm.ORG_EDIT)
    if contract.level == ContractLevel.ENTERPRISE:
        raise ValidationError(_("企业集体合同只覆盖本企业。"))
    if contract.stage not in OPEN_STAGES:
        raise ValidationError(_("合同已签订，覆盖范围不能再修改。"))
    if not enterprises:
        raise ValidationError({"enterprises": _("区域性、行业性集体合同须列出覆盖的企业。")})
    _cover(contract, enterprises)
    contract.save(update_fields=["workers", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=contract, org=contract.org, detail={"coverage": len(enterprises)}
    )
    return contract


def recount(contract: Contract) -> None:
    """At signing: the covered unions' rosters as they are that day."""
    covered = [c.enterprise for c in Coverage.objects.filter(contract=contract).select_related("enterprise__union")]
    _cover(contract, covered)


@transaction.atomic
def contract_renew(*, actor: User, contract: Contract, offered_on: dt.date | None = None) -> Contract:
    """Open the negotiation of the contract that continues this one: same parties, kind and coverage, its
    period starting the day after this one ends and as long."""
    contract = locked(contract)
    require(actor, contract.org, Perm.ORG_EDIT)
    if contract.stage not in SIGNED_STAGES:
        raise ValidationError(_("合同尚未签订，不能续签。"))
    if Contract.objects.filter(renews=contract).exists():
        raise ValidationError(_("该合同已续签，请查看续签的合同。"))
    starts = contract.ends_on + dt.timedelta(days=1)
    terms = Terms(
        starts_on=starts,
        ends_on=starts + (contract.ends_on - contract.starts_on),
        wage_growth=contract.wage_growth,
        min_wage=contract.min_wage,
        weekly_hours=contract.weekly_hours,
    )
    covered = [c.enterprise for c in Coverage.objects.filter(contract=contract).select_related("enterprise__union")]
    return contract_open(
        actor=actor,
        org=contract.org,
        level=contract.level,
        kind=contract.kind,
        title=_("%(title)s（续签）") % {"title": contract.title.removesuffix("(续签)")},
        terms=terms,
        offered_on=offered_on or timezone.localdate(),
        enterprise=contract.enterprise,
        enterprises=covered,
        renews=contract,
    )


STAGE_ORDER = list(ContractStage.values)
