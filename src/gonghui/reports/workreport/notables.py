"""Notable items for the work report, picked from the records of a union's subtree for a period: the 五小
project with the largest economic benefit, the service station visited most, the first union of its kind set up
in the period ("率先成立了首家快递行业工联会"). Each is said as runs whose names and numbers link to the record.

These are reads of other domains' records, always under a union the caller may see (`notables_for` checks it);
they name projects, stations and unions, never people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.figures import Period
from gonghui.innovation.choices import ProjectStatus
from gonghui.innovation.models import Project
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import require
from gonghui.reports.workreport.narrative import Notable, Run, value_text
from gonghui.reports.workreport.phrasing import phrase
from gonghui.stations.models import Station, StationVisit

# Unions of a line of work or a trade, whose setting up a report tells ("全国第一家锂电产业工会").
TRADE_KINDS = (OrgKind.INDUSTRY, OrgKind.SECTOR_FED)
MAX_NEW_UNIONS = 3


def _span(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """The period as local datetimes, end exclusive."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=tz)
    return start, dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)


def _figure(label: str, value: str, unit: str, definition: str, url: str) -> dict[str, str]:
    return {"label": label, "value": value, "unit": unit, "definition": definition, "url": url}


def largest_project(org: OrgNode, period: Period) -> Notable | None:
    start, end = _span(period)
    project = (
        Project.objects.filter(org__path__startswith=org.path, submitted_at__gte=start, submitted_at__lt=end)
        .exclude(status__in=[ProjectStatus.WITHDRAWN, ProjectStatus.REJECTED])
        .filter(benefit_yuan__gt=0)
        .select_related("org")
        .order_by("-benefit_yuan", "pk")
        .first()
    )
    if project is None:
        return None
    key = f"project-{project.pk}"
    url = reverse("innovation:project", args=[project.pk])
    runs: list[Run] = [
        {"t": _("其中，%(union)s申报的“") % {"union": project.org.name}},
        {"t": project.title, "k": key},
        {"t": _("”预计产生经济效益")},
        {"t": phrase(project.benefit_yuan, "exact"), "k": key},
        {"t": _("元，是本期经济效益最大的“五小”项目。")},
    ]
    definition = _("本期申报（未撤销、未被退回）的五小项目中，申报时登记经济效益最大的一项（元）。")
    figure = _figure(_("效益最大的五小项目"), value_text(project.benefit_yuan), _("元"), definition, url)
    return Notable("innovation", runs, {key: figure})


def busiest_station(org: OrgNode, period: Period) -> Notable | None:
    start, end = _span(period)
    top = (
        StationVisit.objects.filter(station__org__path__startswith=org.path, at__gte=start, at__lt=end)
        .values("station")
        .annotate(n=Count("id"))
        .order_by("-n", "station")
        .first()
    )
    if top is None:
        return None
    station = Station.objects.get(pk=top["station"])
    key = f"station-{station.pk}"
    runs: list[Run] = [
        {"t": _("其中，")},
        {"t": station.name, "k": key},
        {"t": _("接待职工")},
        {"t": phrase(top["n"], "exact"), "k": key},
        {"t": _("人次，是本期使用最多的服务阵地。")},
    ]
    definition = _("本期扫码登记到访人次最多的服务阵地，及其到访人次。")
    url = reverse("stations:usage", args=[station.pk])
    return Notable("service", runs, {key: _figure(_("使用最多的阵地"), str(top["n"]), _("人次"), definition, url)})


def _trade_name(union: OrgNode, parent: OrgNode | None) -> str:
    """What a union is, without the place it sits in: 商南县快递行业工会联合会 → 快递行业工会联合会."""
    name = union.name
    if parent is not None:
        shared = 0
        while shared < min(len(name), len(parent.name)) and name[shared] == parent.name[shared]:
            shared += 1
        name = name[shared:]
    return name


def _set_up_on(union: OrgNode) -> dt.date:
    """As the orgs figures count it: the founding date, else the day the union was registered here."""
    return union.established_on or timezone.localtime(union.created_at).date()


def new_unions(org: OrgNode, period: Period) -> Notable | None:
    trade = list(
        OrgNode.objects.filter(path__startswith=org.path, depth__gt=org.depth, kind__in=TRADE_KINDS, is_active=True)
    )
    new = sorted(
        (u for u in trade if period.start <= _set_up_on(u) <= period.end), key=lambda u: (_set_up_on(u), u.path)
    )[:MAX_NEW_UNIONS]
    if not new:
        return None
    parents = {p.path: p for p in OrgNode.objects.filter(path__in=[u.path[: -OrgNode.steplen] for u in new])}
    runs: list[Run] = [{"t": _("新成立")}]
    figures: dict[str, dict[str, str]] = {}
    for n, union in enumerate(new):
        trade_name = _trade_name(union, parents.get(union.path[: -OrgNode.steplen]))
        day = _set_up_on(union)
        earlier = [u for u in trade if u.pk != union.pk and u.name.endswith(trade_name) and _set_up_on(u) <= day]
        key = f"union-{union.code}"
        runs.append({"t": "、" if n else ""})
        runs.append({"t": union.name, "k": key})
        if not earlier and trade_name:
            runs.append({"t": _("（本辖区首家%(trade)s）") % {"trade": trade_name}})
        definition = _(
            "本期成立的产业工会、行业工会联合会（成立日期未填的按登记日期）；“首家”指本会辖区内同名类别中成立最早的。"
        )
        url = reverse("orgs:detail", args=[union.code])
        date_text = f"{day.year}年{day.month}月{day.day}日"
        figures[key] = _figure(_("新成立的工会"), date_text, "", definition, url)
    runs.append({"t": _("，把更多职工吸纳到工会组织中来。")})
    return Notable("org", runs, figures)


FINDERS: tuple[Callable[[OrgNode, Period], Notable | None], ...] = (new_unions, busiest_station, largest_project)


def notables_for(user: Any, org: OrgNode, period: Period) -> list[Notable]:
    """The notable items of `org`'s subtree in the period (404 outside the user's scope)."""
    require(user, org)
    return [notable for finder in FINDERS if (notable := finder(org, period)) is not None]
