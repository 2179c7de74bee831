"""Demo 法律咨询 and 法律援助 from the stories (seed_demo). Safe to re-run: each union's part is made once.

商南: the 商南籍农民工维权服务站 in 西安 and in 南京溧水 (stations of 商南县总工会, made here when the demo has
none) with their lawyers, walk-in consultations and cross-region cases (the worker's own union keeps the case,
the county union that runs the station helps). 柳市: the lawyers' Friday sessions at the 柳市镇总工会 teaching
point (the appointments demo's Friday rota) and 90 普法 sessions reaching about 32,000 workers ("普法活动90场，
惠及职工3.2万人": events of kind law with their walk-ins written in bulk). 建湖: "工会+法院+人社" with hired
lawyers and their cases, from application to 结案 with the money recovered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.appointments import services as appointment_services
from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Provider
from gonghui.common.textnorm import clean_text
from gonghui.events.choices import EventKind, EventStatus, ScanOutcome
from gonghui.events.models import Event, Scan
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode
from gonghui.rights.legalaid.choices import (
    Basis,
    CaseOutcome,
    CaseStatus,
    CaseStepKind,
    ConsultationChannel,
    FollowUp,
    Topic,
)
from gonghui.rights.legalaid.deadlines import due_for
from gonghui.rights.legalaid.models import CaseStep, Consultation, LegalAidCase
from gonghui.stations import services as station_services
from gonghui.stations.models import Station, StationKind, StationService

LAW_SESSIONS = 90
LAW_REACHED = 32_000

QUESTIONS: dict[str, tuple[str, str]] = {
    Topic.WAGES: (
        "工地干完活，包工头拖欠工资三个月不给，怎么办？",
        "可先向劳动监察投诉，工会可协助取证并申请法律援助。",
    ),
    Topic.CONTRACT: (
        "上班半年了公司一直不签劳动合同，能要求什么？",
        "可主张未签合同期间的二倍工资，注意保留工资流水。",
    ),
    Topic.INJURY: (
        "干活时手被机器压伤，老板说不给报工伤。",
        "单位应在30日内申请工伤认定，逾期本人可在1年内自行申请。",
    ),
    Topic.SOCIAL_INSURANCE: ("公司没给交社保，离职后能补吗？", "可向社保经办机构投诉要求补缴，工会可陪同办理。"),
    Topic.DISMISSAL: ("公司突然说不用来了，没有任何补偿。", "违法解除可主张赔偿金，先保留通知记录并申请仲裁。"),
    Topic.OTHER: ("加班费怎么计算？周末加班能调休吗？", "休息日加班可安排补休，不能补休的按不低于200%支付。"),
}
TOPICS = list(QUESTIONS)
SUMMARIES: dict[str, str] = {
    Topic.WAGES: "追讨拖欠工资", Topic.CONTRACT: "未签劳动合同二倍工资", Topic.INJURY: "工伤认定及赔偿",
    Topic.SOCIAL_INSURANCE: "补缴社会保险", Topic.DISMISSAL: "违法解除劳动合同赔偿", Topic.OTHER: "加班费争议",
}  # fmt: skip


def _at(days_ago: int, hour: int) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)), timezone.get_current_timezone())


def _members_under(org: OrgNode, n: int) -> list[Person]:
    rows = Membership.objects.filter(org__path__startswith=org.path, status="active").select_related("person")
    return [m.person for m in rows.order_by("pk")[:n]]


def _home(person: Person, fallback: OrgNode) -> OrgNode:
    membership = Membership.objects.filter(person=person, status="active").select_related("org").first()
    return membership.org if membership is not None else fallback


def _lawyer(admin: User, org: OrgNode, name: str, mobile: str, title: str, station: Station | None) -> Provider:
    found = Provider.objects.filter(org=org, name=name).first()
    if found is not None:
        return found
    data = appointment_services.ProviderFields(
        name=name, kind=ServiceKind.LEGAL, mobile=mobile, title=title, station=station, slot_minutes=30
    )
    return appointment_services.provider_register(actor=admin, org=org, data=data)


def _station(admin: User, org: OrgNode, name: str, address: str, lat: float, lng: float) -> Station:
    found = Station.objects.filter(org=org, name=clean_text(name)).first()  # stored as the service tidied it
    if found is not None:
        return found
    data = station_services.StationData(
        kind=StationKind.objects.get(code="legal"), name=name, address=address, lat=Decimal(f"{lat:.6f}"),
        lng=Decimal(f"{lng:.6f}"), host_name="商南县总工会", description="聘请法律顾问免费为商南籍农民工“代言”。",
        services=list(StationService.objects.filter(code__in=["legal-aid", "joining"])),
    )  # fmt: skip
    station = station_services.station_create(actor=admin, org=org, data=data)
    station_services.station_hours_set(actor=admin, station=station, week={d: "09:00-17:30" for d in range(6)})
    return station


def _consultations(admin: User, org: OrgNode, people: list[Person], *, channel: str, days: list[int],
                   station: Station | None = None, hour: int = 15) -> list[Consultation]:  # fmt: skip
    rows = []
    for n, days_ago in enumerate(days):
        topic = TOPICS[(n * 5) % len(TOPICS)] if n % 3 else Topic.WAGES  # wages first, as the stations report
        question, answer = QUESTIONS[topic]
        asked = _at(days_ago, hour + n % 3)
        call_back = n % 7 == 3 and days_ago < 10
        rows.append(Consultation(
            org=org, channel=channel, station=station, person=people[n % len(people)], topic=topic, question=question,
            answer=answer, answered_at=asked + dt.timedelta(minutes=30), answered_by=admin, asked_at=asked,
            follow_up=FollowUp.CALL_BACK if call_back else FollowUp.NONE,
            call_back_on=timezone.localdate() + dt.timedelta(days=5) if call_back else None, created_by=admin,
        ))  # fmt: skip
    return Consultation.objects.bulk_create(rows)


# (status, days since the application, outcome, recovered) of a demo case
Plan = tuple[str, int, str, int]


# (the applicant, their union, the helping union, the consultation it came from)
Source = tuple[Person, OrgNode, OrgNode | None, Consultation | None]


def _cases(admin: User, plans: list[Plan], sources: Sequence[Source], lawyers: list[Provider], firm: str = "") -> int:
    today = timezone.localdate()
    for n, ((status, ago, outcome, recovered), (person, home, helping, source)) in enumerate(
        zip(plans, sources, strict=False)
    ):
        topic = source.topic if source is not None else TOPICS[n % len(TOPICS)]
        applied = today - dt.timedelta(days=ago)
        with_lawyer = status in (CaseStatus.ASSIGNED, CaseStatus.ACTING, CaseStatus.CLOSED)
        lawyer = lawyers[n % len(lawyers)] if with_lawyer and lawyers and not (firm and n % 4 == 3) else None
        stage_start = applied + dt.timedelta(days={"applied": 0, "accepted": 3, "assigned": 5}.get(status, 8))
        case = LegalAidCase.objects.create(
            org=home, helping_org=helping if helping != home else None, person=person, topic=topic,
            summary=f"{SUMMARIES[topic]}（{person.name}）", claim_amount=Decimal(8000 + 3500 * (n % 5)),
            status=status, applied_on=applied, basis="" if status == CaseStatus.APPLIED else
            (Basis.MIGRANT if person.is_migrant_worker else Basis.MEMBER),
            refuse_reason="经审查，申请事项已超过仲裁时效且无中止、中断情形。" if status == CaseStatus.REFUSED else "",
            provider=lawyer, firm=firm if with_lawyer and lawyer is None else "", outcome=outcome,
            recovered=Decimal(recovered), closed_on=applied + dt.timedelta(days=min(ago, 60)) if outcome else None,
            outcome_note="经劳动仲裁委调解，用人单位一次性支付。" if outcome else "",
            due_on=due_for(status, stage_start), source_consultation=source, created_by=admin,
        )  # fmt: skip
        if source is not None:
            Consultation.objects.filter(pk=source.pk).update(follow_up=FollowUp.CASE, case=case, call_back_on=None)
        if status in (CaseStatus.ACTING, CaseStatus.CLOSED):
            kinds = [CaseStepKind.CONSULTATION, CaseStepKind.DRAFTING, CaseStepKind.MEDIATION, CaseStepKind.ARBITRATION]
            CaseStep.objects.bulk_create(
                CaseStep(case=case, kind=k, on=min(applied + dt.timedelta(days=6 + 9 * i), today), by=admin,
                         note="已与当事人核对证据材料。" if i == 0 else "")
                for i, k in enumerate(kinds[: 2 + n % 3])
            )  # fmt: skip
    return len(plans)


def _shangnan(admin: User) -> int:
    county = OrgNode.objects.filter(code="shangnan").first()
    if county is None or not StationKind.objects.filter(code="legal").exists():
        return 0
    xian = _station(
        admin, county, "商南籍农民工维权服务站（西安）", "陕西省西安市未央区凤城八路商南商会", 34.3416, 108.9398
    )
    lishui = _station(
        admin, county, "商南籍农民工维权服务站（南京溧水）", "江苏省南京市溧水区永阳街道商南商会", 31.6512, 119.0285
    )
    lawyers = [
        _lawyer(admin, county, "杨振华", "13809140201", "陕西秦岭律师事务所（西安站法律顾问）", xian),
        _lawyer(admin, county, "孙立平", "13809140202", "江苏溧水律师事务所（溧水站法律顾问）", lishui),
    ]
    people = _members_under(county, 30)
    if not people or Consultation.objects.filter(station__in=[xian, lishui]).exists():
        return 0
    made = 0
    plans: list[Plan] = [("closed", 150, CaseOutcome.SETTLED, 46800), ("closed", 110, CaseOutcome.WON, 23500),
                         ("acting", 40, "", 0), ("assigned", 6, "", 0), ("accepted", 2, "", 0)]  # fmt: skip
    for station, lawyer, offset in ((xian, lawyers[0], 0), (lishui, lawyers[1], 15)):
        mine = people[offset : offset + 15]
        asked = _consultations(admin, county, mine, channel=ConsultationChannel.WALK_IN, station=station,
                               days=[3 + 11 * i for i in range(14 if offset == 0 else 9)])  # fmt: skip
        made += len(asked)
        sources = [(c.person, _home(c.person, county), county, c) for c in asked[::3] if c.person]
        count = len(plans) if offset == 0 else 3
        made += _cases(admin, plans[:count], sources[:count], [lawyer])
    made += len(
        _consultations(admin, county, people, channel=ConsultationChannel.HOTLINE, days=[2, 9, 16, 30, 45], hour=10)
    )
    return made


def _liushi(admin: User) -> int:
    town = OrgNode.objects.filter(code="liushi").first()
    if town is None:
        return 0
    made = _law_sessions(admin, town)
    lawyers = list(Provider.objects.filter(org=town, kind=ServiceKind.LEGAL, is_active=True).order_by("pk"))
    people = _members_under(town, 40)
    point = Station.objects.filter(org=town, name="乐工益·柳市镇总工会教学点").first()
    if not people or Consultation.objects.filter(org=town).exists():
        return made
    last_friday = timezone.localdate() - dt.timedelta(days=(timezone.localdate().weekday() - 4) % 7 or 7)
    fridays = [(timezone.localdate() - last_friday).days + 7 * w for w in range(16) for _ in range(3)]
    asked = _consultations(
        admin, town, people, channel=ConsultationChannel.WALK_IN, station=point, days=fridays, hour=14
    )
    plans: list[Plan] = [("closed", 90, CaseOutcome.WON, 31200), ("closed", 70, CaseOutcome.PARTIAL, 12000),
                         ("acting", 30, "", 0), ("assigned", 4, "", 0)]  # fmt: skip
    sources = [(c.person, _home(c.person, town), town, c) for c in asked[::7] if c.person]
    return made + len(asked) + _cases(admin, plans, sources[: len(plans)], lawyers, firm="浙江乐清柳市律师事务所")


def _law_sessions(admin: User, town: OrgNode) -> int:
    """90 Friday 普法 sessions (two venues a Friday) with ~32,000 walk-ins, written in bulk."""
    if Event.objects.filter(org=town, kind=EventKind.LAW).exists():
        return 0
    point = Station.objects.filter(org=town).order_by("pk").first()
    now = timezone.localtime()
    last_friday = (now - dt.timedelta(days=(now.weekday() - 4) % 7 or 7)).replace(minute=0, second=0, microsecond=0)
    events = Event.objects.bulk_create(
        Event(
            org=town, kind=EventKind.LAW, title=f"“每周五律师普法”第{n + 1}期", capacity=500, members_only=False,
            starts_at=(last_friday - dt.timedelta(weeks=(LAW_SESSIONS - 1 - n) // 2)).replace(hour=14 if n % 2 else 19),
            ends_at=(last_friday - dt.timedelta(weeks=(LAW_SESSIONS - 1 - n) // 2)).replace(hour=16 if n % 2 else 21),
            station=point if n % 2 else None, address="柳市镇总工会一楼" if n % 2 else "柳市镇企业职工之家（轮流）",
            status=EventStatus.PUBLISHED, created_by=admin,
            summary="法治宣讲、法律咨询、法律援助受理：劳动合同法、工伤保险条例、欠薪维权。",
        )
        for n in range(LAW_SESSIONS)
    )  # fmt: skip
    per, extra = divmod(LAW_REACHED, LAW_SESSIONS)
    scans = [
        Scan(event=e, nonce=f"demo-law-{e.pk}-{i}", outcome=ScanOutcome.WALK_IN, category="other",
             scanned_at=e.starts_at + dt.timedelta(minutes=i % 90), scanner=admin)
        for n, e in enumerate(events)
        for i in range(per + (1 if n < extra else 0))
    ]  # fmt: skip
    Scan.objects.bulk_create(scans, batch_size=2000)
    return len(events)


def _jianhu(admin: User) -> int:
    county = OrgNode.objects.filter(code="jianhu").first()
    if county is None or LegalAidCase.objects.filter(org__path__startswith=county.path).exists():
        return 0
    title = "建湖县总工会聘请专职律师（工会+法院+人社）"
    lawyers = [_lawyer(admin, county, "蒋文斌", "13809250301", title, None),
               _lawyer(admin, county, "许静", "13809250302", title, None)]  # fmt: skip
    people = demo_people("jh-legal", 12, county.region_id, migrant=True)
    demo_members(people[:8], county, employer="建湖县经济开发区企业")
    asked = _consultations(
        admin, county, people, channel=ConsultationChannel.HOTLINE, days=[1 + 6 * i for i in range(16)], hour=9
    )
    plans: list[Plan] = [("closed", 200, CaseOutcome.WON, 58600), ("closed", 160, CaseOutcome.SETTLED, 37200),
                         ("closed", 120, CaseOutcome.SETTLED, 19800), ("acting", 50, "", 0), ("acting", 25, "", 0),
                         ("assigned", 5, "", 0), ("applied", 1, "", 0), ("refused", 20, "", 0)]  # fmt: skip
    sources = [(p, _home(p, county), None, None) for p in people[: len(plans)]]
    return len(asked) + _cases(admin, plans, sources, lawyers)


def load_demo_legalaid(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    return _shangnan(admin) + _liushi(admin) + _jianhu(admin)
