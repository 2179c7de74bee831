"""法律援助 figures for a union's subtree and a year: consultations by channel and topic, cases by stage,
money recovered, and 普法宣讲 (events of kind law: sessions held, people reached, "90场，惠及职工3.2万人").

Each links to the list it counts, narrowed to the subtree and the year: the consultation and case lists
(rows for the rights role only; the numbers here are for every cadre), the events list for 普法.
A case counts for a subtree when its union or its helping union lies in it.
"""

from __future__ import annotations

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gonghui.common.figures import Figure, Rollup, figure_link, register_figures, with_definitions
from gonghui.events.choices import EventKind, EventStatus, ScanOutcome
from gonghui.events.models import Event, Scan, SignUp
from gonghui.orgs.models import OrgNode
from gonghui.rights.legalaid.choices import CaseStatus, ConsultationChannel, Topic
from gonghui.rights.legalaid.models import Consultation, LegalAidCase

DEFINITIONS = {
    "legal_consultations": _("本年度本会及下级工会受理的法律咨询次数（到站、12351热线、网上、律师预约）。"),
    "legal_channel": _("按咨询渠道统计的本年度法律咨询次数。"),
    "legal_topic": _("按咨询类别统计的本年度法律咨询次数。"),
    "legal_cases": _("本年度申请的法律援助案件数（所属工会或协办工会在本会及下级的）。"),
    "legal_stage": _("本年度申请的法律援助案件中，目前处于该阶段的件数。"),
    "legal_recovered": _("本年度申请的法律援助案件中已结案的，为职工挽回的金额合计（元）。"),
    "law_sessions": _("本会及下级工会主办、本年度已结束且未取消的普法宣讲活动场次。"),
    "law_reached": _("本年度普法宣讲活动的到场人次：扫码签到的报名和现场参加者，含无码现场登记。"),
}


def _law_figures(org: OrgNode, year: int) -> list[Figure]:
    events = Event.objects.filter(
        org__path__startswith=org.path, kind=EventKind.LAW, starts_at__year=year, ends_at__lte=timezone.now()
    ).exclude(status__in=[EventStatus.CANCELLED, EventStatus.DRAFT])
    sessions = events.count()
    came = SignUp.objects.filter(event__in=events, checked_in_at__isnull=False).count()
    walk_ins = Scan.objects.filter(event__in=events, outcome=ScanOutcome.WALK_IN, signup__isnull=True).count()
    # The sessions counted: published (neither draft nor cancelled), of the year, already over.
    link = figure_link(
        "events:list", org, year=year, kind=EventKind.LAW.value, when="past", status=EventStatus.PUBLISHED.value
    )
    return [
        Figure("law_sessions", _("普法宣讲"), sessions, pgettext_lazy("events", "场"), link),
        Figure("law_reached", _("普法惠及职工"), came + walk_ins, _("人次"), link),
    ]


def legalaid_figures(org: OrgNode, year: int) -> list[Figure]:
    asked = Consultation.objects.filter(org__path__startswith=org.path, asked_at__year=year).aggregate(
        total=Count("pk"),
        **{f"channel_{c}": Count("pk", filter=Q(channel=c)) for c in ConsultationChannel.values},
        **{f"topic_{t}": Count("pk", filter=Q(topic=t)) for t in Topic.values},
    )
    cases = LegalAidCase.objects.filter(
        Q(org__path__startswith=org.path) | Q(helping_org__path__startswith=org.path), applied_on__year=year
    ).aggregate(
        total=Count("pk"),
        **{f"stage_{s}": Count("pk", filter=Q(status=s)) for s in CaseStatus.values},
    )
    recovered = LegalAidCase.objects.filter(
        Q(org__path__startswith=org.path) | Q(helping_org__path__startswith=org.path),
        status=CaseStatus.CLOSED,
        applied_on__year=year,
    ).aggregate(total=Sum("recovered"))["total"]
    consult = lambda **p: figure_link("legalaid:consultations", org, year=year, **p)  # noqa: E731
    case = lambda **p: figure_link("legalaid:cases", org, year=year, **p)  # noqa: E731
    figures = [
        Figure("legal_consultations", _("法律咨询"), asked["total"], _("次"), consult()),
        *(Figure(f"legal_channel_{c.value}", c.label, asked[f"channel_{c.value}"], _("次"), consult(channel=c.value))
          for c in ConsultationChannel if asked[f"channel_{c.value}"]),
        *(Figure(f"legal_topic_{t.value}", t.label, asked[f"topic_{t.value}"], _("次"), consult(topic=t.value))
          for t in Topic if asked[f"topic_{t.value}"]),
        # A case counts under its own union and its helping union: two children may both count it (RECOUNT).
        Figure("legal_cases", _("法律援助案件"), cases["total"], _("件"), case(), rollup=Rollup.RECOUNT),
        *(Figure(f"legal_stage_{s.value}", s.label, cases[f"stage_{s.value}"], _("件"), case(status=s.value),
                 rollup=Rollup.RECOUNT)
          for s in CaseStatus if cases[f"stage_{s.value}"]),
        Figure("legal_recovered", _("为职工挽回经济损失"), recovered or 0, _("元"), case(status="closed"),
               rollup=Rollup.RECOUNT),
        *_law_figures(org, year),
    ]  # fmt: skip
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("legalaid", _("法律咨询与援助"), legalaid_figures, order=80)
