"""会员 figures for a union's subtree and any period (ADR 0019): members on the roll at the period's end, joins
(with the 入会目标 as target), transfers, leavers, who the members are (女职工, 农民工, 新就业形态) and the
applications waiting; and the monthly joins for the dashboard.

Members on the roll today come from the unions' kept counters (orgs.counters), never from counting a
million memberships; an earlier day is recounted from the memberships' join and end dates. Everything else is
one grouped pass over the subtree's memberships.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import (
    Figure,
    Period,
    Rollup,
    Trend,
    as_period,
    figure_link,
    per_month,
    register_figures,
    register_trend,
    share,
    with_definitions,
)
from gonghui.members.choices import JOINED_STATUSES as JOINED_STATUSES  # read by reports.screen
from gonghui.members.choices import NEW_EMPLOYMENT_FORMS, MembershipStatus, Sex
from gonghui.members.models import JoinTarget, Membership
from gonghui.members.selectors import (
    LEFT_OR_DECEASED,
    NEW_FORMS,
    joined_q,
    left_q,
    new_forms_q,
    on_roll_q,
    transferred_in_q,
)
from gonghui.orgs.counters import subtree_total
from gonghui.orgs.models import OrgNode

S = MembershipStatus

DEFINITIONS = {
    "members_total": _(
        "期末在册的本会及下级工会会员人数（期末在今天之后的按今天）：今天的人数取各工会的会员计数，"
        "以前的日子按入会日期和离会日期回溯。"
    ),
    "members_joined": _(
        "本期入会（入会日期在本期内、经审核通过）的会员人数，不含转会转入；目标为本会本年度面向全体职工的入会目标。"
    ),
    "members_joined_new_forms": _(
        "本期入会的货车司机、快递员、外卖配送员、网约车司机、家政服务员等新就业形态劳动者人数（不含转会转入）；"
        "目标为本会本年度面向这些群体的入会目标之和。"
    ),
    "members_transfers_in": _("本期办结、转入本会及下级工会的会员人数（含下级工会之间的转会）。"),
    "members_transfers_out": _("本期办结、从本会及下级工会转出的会员人数（含下级工会之间的转会）。"),
    "members_left": _("本期退会或去世、会籍终止的会员人数（不含转会）。"),
    "members_women": _("期末在册会员中的女性人数（按会员档案的性别）。"),
    "members_women_share": _("期末在册会员中女性所占百分比。"),
    "members_migrant": _("期末在册会员中登记为农民工的人数。"),
    "members_migrant_share": _("期末在册会员中农民工所占百分比。"),
    "members_new_forms": _(
        "期末在册会员中用工形式为新就业形态（货车司机、快递员、外卖配送员、网约车司机、家政服务员）的人数。"
    ),
    "members_new_forms_share": _("期末在册会员中新就业形态劳动者所占百分比。"),
    "members_pending": _("截至今天尚待审核的入会申请（不论提交日期）。"),
}


def _targets(org: OrgNode, period: Period) -> tuple[int | None, int | None]:
    """The union's own 入会目标 for the period's year: for all workers, and for the new forms of employment.
    A target is yearly: a quarter or a month has none."""
    if not period.yearly:
        return None, None
    everyone = new_forms = 0
    for form, platform, target in JoinTarget.objects.filter(org__path=org.path, year=period.year).values_list(
        "employment_form", "platform", "target"
    ):
        if not form and not platform:
            everyone += target
        elif form in NEW_EMPLOYMENT_FORMS:
            new_forms += target
    return everyone or None, new_forms or None


def members_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    # Each count is the roster's filter its link names (members.selectors), so the link lists what it counts.
    span = Q(joined_on__range=(period.start, period.end))
    ended = Q(ended_on__range=(period.start, period.end))
    today = timezone.localdate()
    on_roll = on_roll_q(period.end)
    joined = span & joined_q()
    c = Membership.objects.filter(org__path__startswith=org.path).aggregate(
        on_roll=Count("pk", filter=on_roll),
        women=Count("pk", filter=on_roll & Q(person__sex=Sex.FEMALE)),
        migrant=Count("pk", filter=on_roll & Q(person__is_migrant_worker=True)),
        new_forms=Count("pk", filter=on_roll & new_forms_q()),
        joined=Count("pk", filter=joined),
        joined_new_forms=Count("pk", filter=joined & new_forms_q()),
        transfers_in=Count("pk", filter=span & transferred_in_q()),
        transfers_out=Count("pk", filter=ended & Q(status=S.TRANSFERRED)),
        left=Count("pk", filter=ended & left_q()),
        pending=Count("pk", filter=Q(status=S.PENDING)),
    )
    # Today's roll is what the kept counters say; the recount above answers for an earlier day.
    total = subtree_total(org) if period.end >= today else c["on_roll"]
    target_all, target_new_forms = _targets(org, period)
    links = _Links(org, period, as_of=min(period.end, today))
    figures = [
        Figure("members_total", _("会员总数"), total, _("人"), links.roll(), rollup=Rollup.RECOUNT),
        Figure("members_joined", _("新入会"), c["joined"], _("人"), links.joins(join="new"), target=target_all),
        Figure(
            "members_joined_new_forms",
            _("新就业形态劳动者入会"),
            c["joined_new_forms"],
            _("人"),
            links.joins(join="new", employment_form=NEW_FORMS),
            target=target_new_forms,
        ),
        Figure("members_transfers_in", _("转会转入"), c["transfers_in"], _("人"), links.joins(join="transfer")),
        Figure("members_transfers_out", _("转会转出"), c["transfers_out"], _("人"), links.ended(S.TRANSFERRED)),
        Figure("members_left", _("退会"), c["left"], _("人"), links.ended(LEFT_OR_DECEASED)),
        *_profile(c, links),
        Figure(
            "members_pending",
            _("待审核入会申请"),
            c["pending"],
            _("份"),
            figure_link("members:pending", org),
            rollup=Rollup.RECOUNT,
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


class _Links:
    """The roster narrowed as each figure counts. The roster's own filter is `org` (a name `figure_link` keeps
    for the subtree's `under`); a stock is the roll at the period's end (`on_roll`, today's for a period not
    over yet, as the figure counts it)."""

    def __init__(self, org: OrgNode, period: Period, *, as_of: dt.date) -> None:
        self.org, self.period, self.as_of = org, period, as_of

    def _link(self, **params: Any) -> str:
        return f"{figure_link('members:list', self.org, **params)}&org={self.org.code}"

    def roll(self, **params: Any) -> str:
        return self._link(on_roll=self.as_of.isoformat(), **params)

    def joins(self, **params: Any) -> str:
        return self._link(period=self.period, **params)

    def ended(self, status: str) -> str:
        return self._link(period=self.period, dated="ended", status=status)


def _profile(c: dict[str, Any], links: _Links) -> list[Figure]:
    """Who is on the roll at the period's end: each group's count and share (neither adds up over children);
    both link to the group on the roll."""
    out = []
    for key, label, share_label, link in (
        ("women", _("女职工会员"), _("女职工会员占比"), links.roll(sex=Sex.FEMALE)),
        ("migrant", _("农民工会员"), _("农民工会员占比"), links.roll(migrant=1)),
        ("new_forms", _("新就业形态劳动者会员"), _("新就业形态劳动者会员占比"), links.roll(employment_form=NEW_FORMS)),
    ):
        out.append(Figure(f"members_{key}", label, c[key], _("人"), link, rollup=Rollup.RECOUNT))
        out.append(
            Figure(f"members_{key}_share", share_label, share(c[key], c["on_roll"]), "%", link, rollup=Rollup.RECOUNT)
        )
    return out


def joins_by_month(org: OrgNode, year: int) -> dict[int, int | Decimal]:
    """One grouped query: the subtree's new members (as 新入会 counts them) in each month of the year."""
    joined = Membership.objects.filter(joined_q(), org__path__startswith=org.path)
    return dict(per_month(joined, "joined_on", year))


def register() -> None:
    register_figures("members", _("会员"), members_figures, order=4, periodic=True)
    register_trend(
        Trend(
            key="members_joined",
            label=_("新入会"),
            unit=_("人"),
            definition=_("本会及下级工会每月入会（按入会日期、经审核通过）的会员人数，不含转会转入。"),
            compute=joins_by_month,
            order=4,
        )
    )
