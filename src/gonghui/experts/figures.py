"""劳模工匠助企行 figures for a union's subtree and any period (ADR 0019): "为20多家企业解决了60多个难题".

A need counts as solved in the period the enterprise confirmed it (its closing time), and the help that solved
it (service days, workers trained, benefit) counts with it: the figures of one period tell one story. The links
carry the period's days and which day they bound (`dated`: posted, closed), the open needs the period's end.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import (
    Figure,
    Period,
    Rollup,
    as_period,
    figure_link,
    local_midnight,
    register_figures,
    with_definitions,
)
from gonghui.experts.choices import OPEN_NEED_STATUSES, NeedStatus
from gonghui.experts.models import Expert, Need, ServiceRecord
from gonghui.orgs.models import OrgNode

DEFINITIONS = {
    "experts": _("本会及下级工会专家库中的劳模、工匠和技术骨干人数（今天在库的）。"),
    "needs_posted": _("本期企业提出（含工会代录、上级转来）的需求项数（按提交时间）。"),
    "needs_solved": _("本期企业确认已解决（或工会代为登记确认）的需求项数（按办结时间）。"),
    "enterprises_helped": _("本期有需求被确认解决的企业家数（同一企业只算一次）。"),
    "needs_open": _("期末（期末在今天之后的按今天）尚未办结的需求项数（待派单、服务中、待企业确认）。"),
    "service_events": _("本期解决的需求登记服务记录的不同日期数，同一天多条记录算一场。"),
    "workers_trained": _("本期解决的需求的服务记录登记的培训职工人次合计。"),
    "benefit": _("本期解决的需求的服务记录登记的预计经济效益合计（元），以企业提供的依据为准。"),
}


def desk_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    starts, after = local_midnight(period.start), local_midnight(period.end + dt.timedelta(days=1))
    needs = Need.objects.filter(org__path__startswith=org.path, posted_at__lt=after)
    solved = Q(status=NeedStatus.RESOLVED, closed_at__gte=starts, closed_at__lt=after)
    counts = needs.aggregate(
        posted=Count("id", filter=Q(posted_at__gte=starts)),
        solved=Count("id", filter=solved),
        enterprises=Count("enterprise", filter=solved, distinct=True),
        open=Count("id", filter=Q(status__in=OPEN_NEED_STATUSES) | Q(closed_at__gte=after)),  # or closed after
    )
    records = ServiceRecord.objects.filter(dispatch__need__in=needs.filter(solved)).aggregate(
        events=Count("served_on", distinct=True), trained=Sum("workers_trained"), benefit=Sum("benefit_yuan")
    )
    experts = Expert.objects.filter(org__path__startswith=org.path).count()
    stock = Rollup.RECOUNT  # standing on a day, or distinct enterprises and days: recounted, never summed
    # What a need solved brings (its enterprise, service days, workers trained, benefit) links to the needs
    # solved in the period, the records it is counted from; the needs still open link as of the period's end.
    solved_link = figure_link("experts:needs", org, period=period, dated="closed", status=NeedStatus.RESOLVED)
    open_link = figure_link("experts:needs", org, end=period.end.isoformat(), dated="open")
    posted_link = figure_link("experts:needs", org, period=period)
    figures = [
        Figure("experts", _("专家库人数"), experts, _("人"), figure_link("experts:pool", org), rollup=stock),
        Figure("needs_posted", _("企业需求"), counts["posted"], _("项"), posted_link),
        Figure("needs_solved", _("解决难题"), counts["solved"], _("个"), solved_link),
        Figure("enterprises_helped", _("服务企业"), counts["enterprises"], _("家"), solved_link, rollup=stock),
        Figure("needs_open", _("办理中"), counts["open"], _("项"), open_link, rollup=stock),
        Figure("service_events", _("助企活动"), records["events"], _("场"), solved_link, rollup=stock),
        Figure("workers_trained", _("培训职工"), records["trained"] or 0, _("人次"), solved_link),
        Figure("benefit", _("预计经济效益"), records["benefit"] or Decimal(0), _("元"), solved_link),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("desk", _("劳模工匠助企行"), desk_figures, order=30, periodic=True)
