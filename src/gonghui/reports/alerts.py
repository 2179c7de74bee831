"""The dashboard's alerts (ADR 0019): what needs a cadre's attention in a subtree today, each a count that links
to the list of the records it counts.

- join applications waiting longer than the members app allows (members.selectors.pending_for overdue_only);
- this year's 四季送 campaigns whose approved payouts exceed their budget;
- open red early warnings (劳动关系预警);
- signed collective contracts ending within 60 days and not yet renewed.

Alerts are about today, whatever period the dashboard shows. `org=None` means the user's whole scope (the
platform administrator's view); otherwise the caller's union, checked against the scope here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from gonghui.campaigns.models import Campaign
from gonghui.ledger.choices import PayoutStatus
from gonghui.members.selectors import pending_for
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import require, scope_for
from gonghui.rights.contracts.choices import SIGNED_STAGES
from gonghui.rights.contracts.models import Contract
from gonghui.rights.earlywarning.choices import WarningLevel, WarningStatus
from gonghui.rights.earlywarning.models import EarlyWarning

EXPIRING_DAYS = 60


@dataclass(frozen=True)
class Alert:
    key: str
    label: Any
    count: int
    unit: Any
    url: str
    definition: Any


def _link(name: str, org: OrgNode | None, **params: Any) -> str:
    """The list, narrowed to the union's subtree (or the whole scope) and the alert's filters."""
    query = {**({"under": org.code} if org is not None else {}), **params}
    return f"{reverse(name)}?{urlencode(query)}" if query else reverse(name)


def _within(qs: QuerySet[Any], user: Any, org: OrgNode | None) -> QuerySet[Any]:
    if org is None:
        return scope_for(user).filter(qs)
    return qs.filter(org__path__startswith=org.path)


def overspent_campaigns(user: Any, org: OrgNode | None, year: int) -> QuerySet[Campaign]:
    spent = Sum(F("payouts__amount") + F("payouts__goods_value"), filter=Q(payouts__status=PayoutStatus.APPROVED))
    campaigns = _within(Campaign.objects.filter(year=year, budget__gt=0), user, org)
    return campaigns.annotate(spent=spent).filter(spent__gt=F("budget"))


def expiring_contracts(user: Any, org: OrgNode | None, today: dt.date) -> QuerySet[Contract]:
    contracts = Contract.objects.filter(
        stage__in=SIGNED_STAGES,
        renewal__isnull=True,
        ends_on__gte=today,
        ends_on__lte=today + dt.timedelta(days=EXPIRING_DAYS),
    )
    return _within(contracts, user, org)


def alerts_at(user: Any, org: OrgNode | None, *, today: dt.date | None = None) -> list[Alert]:
    """The four alerts for the union's subtree (404 outside the user's scope), one COUNT each."""
    if org is not None:
        require(user, org)
    today = today or timezone.localdate()
    overdue = pending_for(user, overdue_only=True)
    if org is not None:
        overdue = overdue.filter(org__path__startswith=org.path)
    red = _within(EarlyWarning.objects.filter(status=WarningStatus.OPEN, level=WarningLevel.RED), user, org)
    return [
        Alert(
            "overdue_joins",
            _("待审核入会申请"),
            overdue.count(),
            _("份超期"),
            _link("members:pending", org, overdue=1),
            _("提交后超过规定工作日仍未审核的入会申请（本会及下级工会）。"),
        ),
        Alert(
            "overspent_campaigns",
            _("超出预算的四季送活动"),
            overspent_campaigns(user, org, today.year).count(),
            _("个"),
            _link("campaigns:list", org, year=today.year, over_budget=1),
            _("本年度本会及下级工会主办的活动中，已审核发放（现金加实物折价）合计超过预算的活动个数。"),
        ),
        Alert(
            "red_warnings",
            _("红色劳动关系预警"),
            red.count(),
            _("件"),
            _link("earlywarning:warnings", org, status=WarningStatus.OPEN, level=WarningLevel.RED),
            _("本会及下级工会所属企业中，尚未关闭的红色劳动关系预警数。"),
        ),
        Alert(
            "expiring_contracts",
            _("即将到期的集体合同"),
            expiring_contracts(user, org, today).count(),
            _("份"),
            _link("contracts:expiring", org, days=EXPIRING_DAYS),
            _("已签订、未续签、%(days)s天内（含今天）到期的集体合同份数。") % {"days": EXPIRING_DAYS},
        ),
    ]
