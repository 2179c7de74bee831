"""Demo 职工培训 from the stories, written in bulk (seconds). Safe to re-run: each union's part is made once.

柳市: "共建6家技能提升培训基地、10家企业培训教学点 … 共培训3200人次" — 6 bases and 10 teaching points, a finished
class at each (电工, 钳工, 焊工; 26 trainees, 8 sessions), ~3,200 attendances, certificates for those who
completed, and a class to come that workers may enrol in. 商南: the 茶树栽培管理培训班 for 3,000+ tea farmers
(open to non-members: 12 classes of a theory session and a field session). 建湖: "班后一小时", an hour's
learning after the shift every week, half held, half to come. 泰安: the 泰山工匠学院 with a class to come.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.events.choices import EventKind, EventStatus, SignUpStatus
from gonghui.events.models import Event, SignUp
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.members.models import Membership, Person
from gonghui.orgs.demo import demo_enterprise
from gonghui.orgs.models import Industry, OrgNode
from gonghui.skills.certification.certificates import CertificateIn, certificates_issue
from gonghui.skills.certification.choices import CertificateKind
from gonghui.skills.certification.models import Occupation
from gonghui.skills.training.choices import BaseKind, ClassStatus
from gonghui.skills.training.completion import hours_text
from gonghui.skills.training.models import Completion, Course, Enrolment, Session, TrainingBase, TrainingClass

LS_BASES = [  # (base, the school or company it is at)
    ("新光工业园区技能提升培训基地", "乐清市柳市职业技术学校"),
    ("苏吕工业园区技能提升培训基地", "乐清市春华职业技能培训学校"),
    ("象阳工业区技能提升培训基地", "乐清市象阳职业技能培训中心"),
    ("柳市镇电气产业技能提升培训基地", "乐清市电气行业职业技能培训中心"),
    ("柳市镇智能制造技能提升培训基地", "乐清市智能制造公共实训中心"),
    ("柳市镇新业态技能提升培训基地", "乐清市柳市成人文化技术学校"),
]
LS_POINTS = [
    "德力西控股集团有限公司", "正泰集团股份有限公司", "人民电器集团有限公司", "天正电气股份有限公司",
    "固力发集团股份有限公司", "柳市电器科技股份有限公司", "黄华集团有限公司", "乐清开关设备制造有限公司",
    "浙江长城电器有限公司", "乐清市新华电气有限公司",
]  # fmt: skip
LS_TRADES = [
    ("6-31-01-03", "电工", "电工技能提升"),
    ("6-20-01-01", "钳工", "钳工技能提升"),
    ("6-18-02-04", "焊工", "焊工技能提升"),
]
LS_TRAINEES, LS_SESSIONS = 26, 8  # 16 classes × 26 × 8 = 3,328 places, ~96% attended: ~3,200 人次
TEA_CLASSES, TEA_FARMERS = 12, 3_060  # "累计培训商南茶农3000余人"
JH_MEMBERS, JH_WEEKS = 60, 12


def _occupation(code: str, name: str) -> Occupation:
    return Occupation.objects.get_or_create(code=code, defaults={"name": name})[0]


def _base(admin: User, org: OrgNode, kind: str, name: str, company: str, industry: str = Industry.C) -> TrainingBase:
    enterprise = demo_enterprise(admin, org, company, industry)
    return TrainingBase.objects.get_or_create(
        org=org,
        name=name,
        defaults={
            "kind": kind,
            "enterprise": enterprise,
            "address": enterprise.address or company,
            "created_by": admin,
        },
    )[0]


def _course(admin: User, org: OrgNode, title: str, hours: int, occupation: Occupation | None, outline: str) -> Course:
    return Course.objects.get_or_create(
        org=org,
        title=title,
        defaults={"hours": hours, "occupation": occupation, "outline": outline, "created_by": admin},
    )[0]


def _class(admin: User, org: OrgNode, course: Course, base: TrainingBase, title: str, first: dt.date, last: dt.date,
           capacity: int, **fields: object) -> TrainingClass:  # fmt: skip
    return TrainingClass.objects.create(
        org=org, course=course, base=base, title=title, starts_on=first, ends_on=last, capacity=capacity,
        status=ClassStatus.PUBLISHED, created_by=admin, **fields,
    )  # fmt: skip


def _sessions(admin: User, klass: TrainingClass, starts: list[dt.datetime], hours: Decimal, topics: list[str],
              teacher: str) -> list[Session]:  # fmt: skip
    """The class's sessions: events written in bulk (no walk-ins), each with its session row."""
    events = Event.objects.bulk_create(
        Event(
            org=klass.org, kind=EventKind.TRAINING, title=f"{klass.title}·{topics[n % len(topics)]}"[:100],
            description=f"授课老师：{teacher}", starts_at=start, ends_at=start + dt.timedelta(hours=float(hours)),
            address=klass.base.address, capacity=klass.capacity, audience_org=klass.audience_org,
            members_only=klass.members_only, walk_ins=False, status=EventStatus.PUBLISHED, created_by=admin,
        )
        for n, start in enumerate(starts)
    )  # fmt: skip
    return Session.objects.bulk_create(
        Session(klass=klass, event=e, topic=topics[n % len(topics)], hours=hours, teacher=teacher)
        for n, e in enumerate(events)
    )


def _enrol(klass: TrainingClass, people: list[Person], sessions: list[Session], came: object = None) -> None:
    """Enrolments and a confirmed sign-up per session; `came(i, s)` says who was checked in (past sessions)."""
    org_of = dict(Membership.objects.filter(person__in=people, status="active").values_list("person_id", "org_id"))
    Enrolment.objects.bulk_create(Enrolment(klass=klass, person=p, org_id=org_of.get(p.pk)) for p in people)
    rows = []
    for s, session in enumerate(sessions):
        for i, p in enumerate(people):
            present = callable(came) and came(i, s)
            at = session.event.starts_at + dt.timedelta(minutes=i % 15 - 10) if present else None
            rows.append(
                SignUp(event=session.event, person=p, org_id=org_of.get(p.pk), status=SignUpStatus.CONFIRMED,
                       checked_in_at=at)
            )  # fmt: skip
    SignUp.objects.bulk_create(rows, batch_size=2_000)
    Event.objects.filter(training_session__klass=klass).update(held=F("held") + len(people))


def _certify(admin: User, klass: TrainingClass, people: list[Person], hours: dict[int, Decimal], on: dt.date) -> None:
    needed = sum((s.hours for s in klass.sessions.all()), Decimal(0)) * klass.completion_percent / 100
    done = [p for p in people if hours.get(p.pk, Decimal(0)) >= needed]
    trade = klass.course.occupation.name if klass.course.occupation else klass.course.title
    items = [CertificateIn(p, f"{klass.title} 结业", f"{trade} · {klass.org.name} · 参训{hours_text(hours[p.pk])}学时")
             for p in done]  # fmt: skip
    certificates = certificates_issue(kind=CertificateKind.TRAINING, org=klass.org, items=items, issued_on=on)
    Completion.objects.bulk_create(
        Completion(klass=klass, person=c.person, hours=hours[c.person.pk], certificate=c, issued_by=admin)
        for c in certificates
    )


def _members(code: str, prefix: str, count: int) -> list[Person]:
    root = OrgNode.objects.get(code=code)
    unions = list(OrgNode.objects.filter(path__startswith=root.path, kind="grassroots").order_by("path")) or [root]
    people = list(dict.fromkeys(demo_people(prefix, count, root.region_id)))
    share = -(-len(people) // len(unions))
    for n, union in enumerate(unions):
        demo_members(people[n * share : (n + 1) * share], union)
    return people


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _window(today: dt.date) -> tuple[dt.date, int]:
    """Where this year's finished classes go: from early January to last week (last year's, in January)."""
    first = dt.date(today.year, 1, 6)
    if (today - first).days < 60:
        return dt.date(today.year - 1, 3, 1), 270
    return first, (today - first).days - 7


def _liushi(admin: User, today: dt.date) -> int:
    town = OrgNode.objects.filter(code="liushi").first()
    if town is None or TrainingClass.objects.filter(org=town).exists():
        return 0
    hosts = [_base(admin, town, BaseKind.BASE, name, school, Industry.P) for name, school in LS_BASES]
    hosts += [
        _base(admin, town, BaseKind.TEACHING_POINT, f"{c.removesuffix('有限公司')}企业培训教学点", c) for c in LS_POINTS
    ]
    courses = [
        _course(admin, town, title, 16, _occupation(code, name), f"{name}安全操作规程、识图、实操训练与考核")
        for code, name, title in LS_TRADES
    ]
    people = _members("liushi", "ls-train", LS_TRAINEES * len(hosts))
    start, span = _window(today)
    for n, base in enumerate(hosts):
        course = courses[0 if n % 3 != 2 else 1 + n % 2]
        first = start + dt.timedelta(days=n * (span - 30) // len(hosts))
        klass = _class(admin, town, course, base, f"{first.year}年柳市镇{course.title}培训班（第{n + 1}期）", first,
                       first + dt.timedelta(days=25), LS_TRAINEES + 4)  # fmt: skip
        starts = [_at(first + dt.timedelta(days=3 * s), 18, 30) for s in range(LS_SESSIONS)]
        sessions = _sessions(admin, klass, starts, Decimal(2), ["安全用电", "识图", "实操训练", "考核"], "郑向乐")
        trainees = people[n * LS_TRAINEES : (n + 1) * LS_TRAINEES]
        _enrol(klass, trainees, sessions, came=lambda i, s, n=n: (i + s + n) % 25 != 0)
        hours = {p.pk: Decimal(2) * sum(1 for s in range(LS_SESSIONS) if (i + s + n) % 25 != 0)
                 for i, p in enumerate(trainees)}  # fmt: skip
        _certify(admin, klass, trainees, hours, first + dt.timedelta(days=25))
    soon = today + dt.timedelta(days=7)
    title = f"{soon.year}年柳市镇电工技能提升培训班（第{len(hosts) + 1}期）"
    upcoming = _class(admin, town, courses[0], hosts[0], title, soon, soon + dt.timedelta(days=21), 40)
    starts = [_at(soon + dt.timedelta(days=3 * s), 18, 30) for s in range(LS_SESSIONS)]
    sessions = _sessions(admin, upcoming, starts, Decimal(2), ["安全用电", "识图", "实操训练", "考核"], "郑向乐")
    _enrol(upcoming, people[:12], sessions)
    return len(hosts) + 1


def _shangnan(admin: User, today: dt.date) -> int:
    county = OrgNode.objects.filter(code="shangnan").first()
    if county is None or TrainingClass.objects.filter(org=county).exists():
        return 0
    base = _base(admin, county, BaseKind.BASE, "商南县茶叶联营公司茶树栽培培训基地", "商南县茶叶联营公司", Industry.A)
    course = _course(admin, county, "茶树栽培管理", 8, _occupation("5-01-02-01", "农艺工"),
                     "茶园土肥水管理、修剪、病虫害绿色防控、采摘；红茶加工工艺")  # fmt: skip
    farmers = list(dict.fromkeys(demo_people("sn-tea", TEA_FARMERS, county.region_id)))  # no union: open classes
    per = -(-len(farmers) // TEA_CLASSES)
    start, span = _window(today)
    for n in range(TEA_CLASSES):
        first = start + dt.timedelta(days=n * (span - 10) // TEA_CLASSES)
        klass = _class(admin, county, course, base, f"商南县茶树栽培管理培训班（第{n + 1}期）", first,
                       first + dt.timedelta(days=1), per + 10, members_only=False)  # fmt: skip
        sessions = _sessions(admin, klass, [_at(first, 9), _at(first + dt.timedelta(days=1), 9)], Decimal(4),
                             ["茶园管理理论", "茶园现场实操"], "商洛市农技专家")  # fmt: skip
        _enrol(klass, farmers[n * per : (n + 1) * per], sessions, came=lambda i, s: s == 0 or i % 9 != 0)
    return TEA_CLASSES


def _jianhu(admin: User, today: dt.date) -> int:
    county = OrgNode.objects.filter(code="jianhu").first()
    if county is None or TrainingClass.objects.filter(org=county).exists():
        return 0
    base = _base(
        admin, county, BaseKind.TEACHING_POINT, "建湖县高新区职工“班后一小时”学习点", "建湖县高新区职工学校", Industry.P
    )
    course = _course(
        admin, county, "“班后一小时”充电学习", JH_WEEKS, None, "每周一次、下班后一小时：安全生产、数字技能、班组管理"
    )
    people = _members("jianhu", "jh-learn", JH_MEMBERS)
    first = today - dt.timedelta(days=7 * (JH_WEEKS // 2) + 1)
    klass = _class(admin, county, course, base, f"{first.year}年建湖县“班后一小时”充电学习班", first,
                   first + dt.timedelta(days=7 * JH_WEEKS), JH_MEMBERS + 20)  # fmt: skip
    starts = [_at(first + dt.timedelta(days=7 * w), 17, 30) for w in range(JH_WEEKS)]
    sessions = _sessions(admin, klass, starts, Decimal(1), ["安全生产", "数字技能", "班组管理"], "县总工会讲师团")
    past = sum(1 for s in sessions if s.event.ends_at < timezone.now())
    _enrol(klass, people, sessions, came=lambda i, s: s < past and (i + s) % 7 != 0)
    return 1


def _taian(admin: User, today: dt.date) -> int:
    city = OrgNode.objects.filter(code="taian").first()
    if city is None or TrainingClass.objects.filter(org=city).exists():
        return 0
    base = _base(admin, city, BaseKind.BASE, "泰山工匠学院", "泰山工匠学院", Industry.P)
    course = _course(
        admin, city, "数控加工技能研修", 24, _occupation("6-18-01-07", "数控车工"), "数控编程、精密加工、质量控制"
    )
    soon = today + dt.timedelta(days=14)
    klass = _class(admin, city, course, base, f"{soon.year}年泰山工匠学院数控技能研修班", soon,
                   soon + dt.timedelta(days=10), 30, audience_org=city)  # fmt: skip
    _sessions(admin, klass, [_at(soon + dt.timedelta(days=2 * d), 14) for d in range(6)], Decimal(4),
              ["数控编程", "精密加工", "质量控制"], "泰山工匠")  # fmt: skip
    return 1


def load_demo_training(admin: User) -> int:
    """Safe to re-run; returns how many new classes it made."""
    today = timezone.localdate()
    return _liushi(admin, today) + _shangnan(admin, today) + _jianhu(admin, today) + _taian(admin, today)
