"""Counts of disputes for the figures and the statistics page: numbers only, so any staff member of the
subtree may read them (rows need the rights role). One definition of each number serves both."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.accounts.models import User
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import scope_for
from gonghui.rights.mediation.choices import REFERRALS, DisputeSource, Status
from gonghui.rights.mediation.models import Dispute

DEFINITIONS = {
    "mediation_disputes": _(
        "本年度受理（含法院委派、人社转来、欠薪转来）的劳动争议件数，不含待受理和不予受理的职工申请。"
    ),
    "mediation_source": _("按来源统计的本年度受理件数。"),
    "mediation_agreed": _("本年度受理、已达成调解协议（双方签字确认）的件数。"),
    "mediation_amount": _("本年度受理的争议中，调解协议约定支付给职工的金额合计。"),
    "mediation_collective": _("本年度受理的集体争议件数（职工人数达到本会设置的起点，默认 3 人），已上报上级总工会。"),
    "mediation_referred": _("本年度受理、调解不成转劳动仲裁或法院诉讼的件数。"),
    "mediation_withdrawn": _("本年度受理、申请人撤回的件数。"),
}
ACCEPTED = ~Q(status__in=[Status.SUBMITTED, Status.DECLINED])


@dataclass
class Totals:
    disputes: int = 0
    agreed: int = 0
    withdrawn: int = 0
    referred: int = 0
    collective: int = 0
    amount: Decimal = Decimal(0)
    by_source: dict[str, int] = field(default_factory=dict)


def totals(rows: QuerySet[Dispute]) -> Totals:
    """The figures of a set of disputes, in one query."""
    found = rows.filter(ACCEPTED).aggregate(
        disputes=Count("pk"),
        agreed=Count("pk", filter=Q(status=Status.AGREED)),
        withdrawn=Count("pk", filter=Q(status=Status.WITHDRAWN)),
        referred=Count("pk", filter=Q(status__in=REFERRALS)),
        collective=Count("pk", filter=Q(collective=True)),
        amount=Sum("agreement__amount"),
        **{f"source_{s}": Count("pk", filter=Q(source=s)) for s in DisputeSource.values},
    )
    return Totals(
        disputes=found["disputes"],
        agreed=found["agreed"],
        withdrawn=found["withdrawn"],
        referred=found["referred"],
        collective=found["collective"],
        amount=found["amount"] or Decimal(0),
        by_source={s: found[f"source_{s}"] for s in DisputeSource.values},
    )


def in_subtree(org: OrgNode, year: int) -> QuerySet[Dispute]:
    return Dispute.objects.filter(org__path__startswith=org.path, received_on__year=year)


def in_scope(user: User, year: int, under: OrgNode | None = None) -> QuerySet[Dispute]:
    """Disputes of the user's (VIEW) scope received in `year`: for counts only."""
    rows = scope_for(user).filter(Dispute.objects.filter(received_on__year=year))
    return rows.filter(org__path__startswith=under.path) if under is not None else rows


def table(rows: QuerySet[Dispute]) -> dict[str, dict[str, int]]:
    """source → status → count (one GROUP BY)."""
    out: dict[str, dict[str, int]] = {}
    for r in rows.values("source", "status").annotate(n=Count("pk")).order_by():
        out.setdefault(r["source"], {})[r["status"]] = r["n"]
    return out
