"""劳模工匠助企行 figures for a union's subtree and a year: "为20多家企业解决了60多个难题"."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.experts.choices import OPEN_NEED_STATUSES, NeedStatus
from gonghui.experts.models import Expert, Need, ServiceRecord
from gonghui.innovation.figures import Figure, figure_link
from gonghui.orgs.models import OrgNode


def desk_figures(org: OrgNode, year: int) -> list[Figure]:
    needs = Need.objects.filter(org__path__startswith=org.path, posted_at__year=year)
    counts = needs.aggregate(
        posted=Count("id"),
        solved=Count("id", filter=Q(status=NeedStatus.RESOLVED)),
        enterprises=Count("enterprise", filter=Q(status=NeedStatus.RESOLVED), distinct=True),
        open=Count("id", filter=Q(status__in=OPEN_NEED_STATUSES)),
    )
    records = ServiceRecord.objects.filter(dispatch__need__in=needs).aggregate(
        events=Count("served_on", distinct=True), trained=Sum("workers_trained"), benefit=Sum("benefit_yuan")
    )
    experts = Expert.objects.filter(org__path__startswith=org.path).count()
    return [
        Figure("experts", _("专家库人数"), experts, _("人"), figure_link("experts:pool", org)),
        Figure("needs_posted", _("企业需求"), counts["posted"], _("项"), figure_link("experts:needs", org, year=year)),
        Figure(
            "needs_solved",
            _("解决难题"),
            counts["solved"],
            _("个"),
            figure_link("experts:needs", org, year=year, status=NeedStatus.RESOLVED),
        ),
        Figure(
            "enterprises_helped",
            _("服务企业"),
            counts["enterprises"],
            _("家"),
            figure_link("experts:needs", org, year=year, status=NeedStatus.RESOLVED),
        ),
        Figure(
            "needs_open",
            _("办理中"),
            counts["open"],
            _("项"),
            figure_link("experts:needs", org, year=year, status="open_any"),
        ),
        Figure(
            "service_events", _("助企活动"), records["events"], _("场"), figure_link("experts:needs", org, year=year)
        ),
        Figure(
            "workers_trained",
            _("培训职工"),
            records["trained"] or 0,
            _("人次"),
            figure_link("experts:needs", org, year=year),
        ),
        Figure(
            "benefit",
            _("预计经济效益"),
            records["benefit"] or Decimal(0),
            _("元"),
            figure_link("experts:needs", org, year=year),
        ),
    ]
