"""四季送 figures for a union's subtree and any period (ADR 0019): per campaign kind (春送岗位, 夏送清凉, 金秋助学,
冬送温暖, 专项慰问) the campaigns held, the people reached and the money and goods given, with the budgets as
target; and the 春送岗位 job fairs.

What was given is the ledger's (approved payouts), and the ledger sits above campaigns (DESIGN.md's layers):
it hands its reader in at start-up (`paid_reader_set`, from `ledger.figures.register`), as it does for the
list counts (campaigns.list_hooks). Without it the money and people figures show as not counted (None).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.campaigns.choices import CampaignKind
from gonghui.campaigns.models import Campaign, JobFair
from gonghui.common.figures import Figure, Period, Rollup, as_period, figure_link, register_figures
from gonghui.orgs.models import OrgNode

ZERO = Decimal("0.00")
ALL_KINDS = ""  # the key of the paid reader's answer for every kind together


@dataclass(frozen=True)
class Paid:
    """What the subtree's unions gave in campaigns of one kind in a period: yuan (money plus goods at their
    value) and the distinct people reached."""

    value: Decimal
    people: int


PaidReader = Callable[[OrgNode, Period], dict[str, Paid]]  # by campaign kind, and ALL_KINDS for all of them
_paid_readers: list[PaidReader] = []


def paid_reader_set(reader: PaidReader) -> None:
    """Called by the ledger at start-up; setting it again replaces it (safe on reload)."""
    _paid_readers[:] = [reader]


DEFINITIONS = {
    "campaigns_held": _("本会及下级工会主办、活动期间与本期有交叉的四季送和专项慰问活动个数。"),
    "campaigns_people": _(
        "本期本会及下级工会在四季送和专项慰问活动中已审核发放、惠及的职工人数（同一人多次受惠只算一人）。"
    ),
    "campaigns_amount": _(
        "本期本会及下级工会在四季送和专项慰问活动中已审核发放的资金和物资折价合计（元，按发放日期）；"
        "目标为本会及下级工会主办的本年度活动预算之和（仅年度和本年累计）。"
    ),
    "held": _("本会及下级工会主办、活动期间与本期有交叉的%(kind)s活动个数。"),
    "people": _("本期本会及下级工会在%(kind)s活动中已审核发放、惠及的职工人数（同一人只算一人）。"),
    "amount": _(
        "本期本会及下级工会在%(kind)s活动中已审核发放的资金和物资折价合计（元，按发放日期）；"
        "目标为本会及下级工会主办的本年度%(kind)s活动预算之和（仅年度和本年累计）。"
    ),
    "campaigns_job_fairs": _("本期（按举办日期）本会及下级工会春送岗位活动举办的招聘会场次。"),
    "campaigns_jobs_offered": _("本期春送岗位招聘会提供的岗位数之和。"),
}


def _paid(org: OrgNode, period: Period) -> dict[str, Paid] | None:
    return _paid_readers[0](org, period) if _paid_readers else None


def campaign_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    hosted = Campaign.objects.filter(org__path__startswith=org.path)
    overlaps = Q(starts_on__lte=period.end, ends_on__gte=period.start)
    budget_year = Q(year=period.year)
    c = hosted.aggregate(
        held=Count("pk", filter=overlaps),
        budgets=Sum("budget", filter=budget_year),
        **{f"held_{k}": Count("pk", filter=overlaps & Q(kind=k)) for k in CampaignKind.values},
        **{f"budgets_{k}": Sum("budget", filter=budget_year & Q(kind=k)) for k in CampaignKind.values},
    )
    fairs = JobFair.objects.filter(
        campaign__org__path__startswith=org.path, held_on__range=(period.start, period.end)
    ).aggregate(n=Count("pk"), jobs=Sum("jobs_offered"))
    paid = _paid(org, period)

    def target(budget: Decimal | None) -> Decimal | None:
        """A campaign's budget is for its year: a quarter or a month has no target."""
        return budget.quantize(ZERO) if period.yearly and budget else None

    def reached(kind: str) -> tuple[Decimal | None, int | None]:
        if paid is None:
            return None, None
        got = paid.get(kind, Paid(ZERO, 0))
        return got.value, got.people

    # The campaigns held link to the campaign list (running in the period); what they gave and reached to the
    # ledger's payouts made in campaigns in the period (by 发放日期), which the ledger reads for these figures and
    # whose list states their sum and people (a link names a page: campaigns never import the ledger).
    held = lambda **params: figure_link("campaigns:list", org, period=period, **params)  # noqa: E731
    given = lambda **params: figure_link(  # noqa: E731
        "ledger:payouts", org, period=period, status="approved", in_campaign=1, **params
    )
    value, people = reached(ALL_KINDS)
    figures = [
        Figure("campaigns_held", _("四季送活动"), c["held"], _("项"), held()),
        Figure("campaigns_people", _("四季送惠及职工"), people, _("人"), given(), rollup=Rollup.RECOUNT),
        Figure("campaigns_amount", _("四季送发放金额"), value, _("元"), given(), target=target(c["budgets"])),
    ]
    for kind in CampaignKind:
        value, people = reached(kind.value)
        names = {"kind": kind.label}
        figures += [
            Figure(f"campaigns_{kind.value}_held", kind.label, c[f"held_{kind.value}"], _("项"), held(kind=kind.value)),
            Figure(
                f"campaigns_{kind.value}_people",
                _("%(kind)s惠及职工") % names,
                people,
                _("人"),
                given(campaign_kind=kind.value),
                rollup=Rollup.RECOUNT,
            ),
            Figure(
                f"campaigns_{kind.value}_amount",
                _("%(kind)s发放金额") % names,
                value,
                _("元"),
                given(campaign_kind=kind.value),
                target=target(c[f"budgets_{kind.value}"]),
            ),
        ]
    fair_link = held(fairs=1)  # the campaigns that held the period's fairs; the list states the fairs and jobs
    figures += [
        Figure("campaigns_job_fairs", _("春送岗位招聘会"), fairs["n"], _("场"), fair_link),
        Figure("campaigns_jobs_offered", _("招聘会提供岗位"), fairs["jobs"] or 0, _("个"), fair_link),
    ]
    return [_defined(figure) for figure in figures]


def _defined(figure: Figure) -> Figure:
    """The figure with its definition: its own, or its kind's (the kind named in the text)."""
    if figure.key in DEFINITIONS:
        return replace(figure, definition=DEFINITIONS[figure.key])
    kind, _sep, measure = figure.key.removeprefix("campaigns_").rpartition("_")
    return replace(figure, definition=DEFINITIONS[measure] % {"kind": CampaignKind(kind).label})


def register() -> None:
    register_figures("campaigns", _("四季送"), campaign_figures, order=9, periodic=True)
