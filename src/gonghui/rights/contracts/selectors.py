"""Reads of collective contracts, through the scope of the negotiating union (Perm.VIEW)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.uscc import normalize_uscc
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.rights.contracts.choices import REMIND_DAYS, SIGNED_STAGES
from gonghui.rights.contracts.models import Contract
from gonghui.rights.democracy.models import Session

EXPIRING_DAYS = max(REMIND_DAYS)


def in_force(qs: QuerySet[Contract], year: int) -> QuerySet[Contract]:
    """Signed contracts whose period overlaps the year."""
    return qs.filter(stage__in=SIGNED_STAGES, starts_on__lte=dt.date(year, 12, 31), ends_on__gte=dt.date(year, 1, 1))


def expiring(qs: QuerySet[Contract], today: dt.date | None = None, *, days: int = EXPIRING_DAYS) -> QuerySet[Contract]:
    """Signed contracts ending within `days` days from today (today included) that have not been renewed."""
    today = today or timezone.localdate()
    return qs.filter(
        stage__in=SIGNED_STAGES,
        renewal__isnull=True,
        ends_on__gte=today,
        ends_on__lte=today + dt.timedelta(days=days),
    )


def contracts_for(
    user: Any,
    *,
    under: OrgNode | None = None,
    year: int | None = None,
    kind: str = "",
    level: str = "",
    stage: str = "",
    soon: bool = False,
    q: str = "",
) -> QuerySet[Contract]:
    qs = scope_for(user).filter(Contract.objects.select_related("org", "enterprise"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if year:
        qs = in_force(qs, year)
    if soon:
        qs = expiring(qs)
    if kind:
        qs = qs.filter(kind=kind)
    if level:
        qs = qs.filter(level=level)
    if stage:
        qs = qs.filter(stage=stage)
    if q.strip():
        qs = qs.filter(Q(title__contains=q.strip()) | Q(enterprise__name__contains=q.strip()))
    return qs.annotate(n_covered=Count("coverage", distinct=True)).order_by("-pk")


def contract_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Contract:
    contract: Contract = get_object_or_404(
        Contract.objects.select_related("org", "enterprise__union", "session", "renews", "created_by"), pk=pk
    )
    require(user, contract.org, perm)
    return contract


def renewal_of(contract: Contract) -> Contract | None:
    return Contract.objects.filter(renews=contract).first()


def covered(contract: Contract) -> list[Any]:
    return list(contract.coverage.select_related("enterprise__union").order_by("enterprise__name"))


def sessions_for_contract(contract: Contract) -> list[Session]:
    """The enterprise's 职代会 sessions a deliberation may name, newest first."""
    if contract.enterprise_id is None:
        return []
    return list(Session.objects.filter(enterprise_id=contract.enterprise_id).order_by("-held_on")[:20])


def enterprises_named(user: Any, codes: list[str], org: OrgNode) -> list[Enterprise]:
    """Enterprises by 统一社会信用代码 for a contract of `org` (ORG_EDIT there), looked up only among those
    registered under it: a code outside reads the same whether registered elsewhere or nowhere."""
    require(user, org, Perm.ORG_EDIT)
    wanted = list(dict.fromkeys(normalize_uscc(c) for c in codes if c.strip()))
    under = Enterprise.objects.select_related("union").filter(uscc__in=wanted, union__path__startswith=org.path)
    found = {e.uscc: e for e in under}
    missing = [c for c in wanted if c not in found]
    if missing:
        raise ValidationError(
            {
                "enterprises": _(
                    "统一社会信用代码为%(codes)s的企业不在%(org)s及下级工会登记的企业中，不能纳入合同覆盖。"
                )
                % {"codes": "、".join(missing[:5]), "org": org.name}
            }
        )
    return [found[c] for c in wanted]
