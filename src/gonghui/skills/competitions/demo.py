"""Demo 劳动和技能竞赛 from the stories. Safe to re-run: each competition is made once (by organiser and name).

商南: "劳动技能竞赛50余场次，参赛职工达2.5万余人" — 52 finished contests of the year (茶艺, 电工, 快递分拣 …)
with 25,000+ entries of its members, generated in bulk, each with its ranking, prizes and certificates.
柳市: the town's electricians' contest, 初赛 → 决赛 with judges on both, ranked, published and confirmed, the
winners holding certificates and the 技术能手 title; and the open 长三角21城电工竞技赛 selection.
泰安: chain contests — an 安康杯 team contest of the 高端装备产业链 open for entries, and a 数字技能 contest
of the 数字经济产业链 being scored.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.events.choices import SignUpStatus
from gonghui.events.models import Event, SignUp
from gonghui.innovation.models import HonorTitle
from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.certificates import CertificateIn, certificates_issue
from gonghui.skills.certification.choices import CertificateKind
from gonghui.skills.certification.models import Occupation
from gonghui.skills.competitions import entries, ranking, results, scoring, services
from gonghui.skills.competitions.choices import (
    AdvanceRule,
    AwardStatus,
    CompetitionKind,
    CompetitionStatus,
    ContestStageStatus,
    EntryMode,
)
from gonghui.skills.competitions.models import Award, Competition, Entry, EntryMember, Stage, StageResult

SHANGNAN_CONTESTS = 52
SHANGNAN_ENTRIES = 25_600
TRADES = [
    ("茶艺", "4-03-02-07", "茶艺师", "茶产业链"), ("电工", "6-31-01-03", "电工", "新能源产业链"),
    ("快递分拣", "4-02-07-02", "快递员", "现代物流产业链"), ("中式烹调", "4-03-02-01", "中式烹调师", "文旅康养产业链"),
    ("电子商务", "4-01-02-02", "电子商务师", "电商产业链"), ("焊工", "6-18-02-04", "焊工", "装备制造产业链"),
    ("家政服务", "4-10-01-06", "家政服务员", "家政服务业"),
    ("叉车驾驶", "6-29-03-05", "起重装卸机械操作工", "现代物流产业链"),
]  # fmt: skip
KINDS = [CompetitionKind.SKILL, CompetitionKind.LABOUR, CompetitionKind.CONTEST, CompetitionKind.DRILL]


def _occupation(code: str, name: str) -> Occupation:
    found, _created = Occupation.objects.get_or_create(code=code, defaults={"name": name})
    return found


def _fields(title: str, kind: str, start: dt.datetime, **extra: Any) -> services.CompetitionFields:
    extra.setdefault("places", 2000)
    return services.CompetitionFields(
        title=title, kind=kind, starts_at=start, ends_at=start + dt.timedelta(hours=8), venue=extra.pop("venue", ""),
        **extra,
    )  # fmt: skip


def _one_stage(admin: User, competition: Competition) -> Stage:
    stage = services.stage_add(actor=admin, competition=competition, name="决赛")
    services.item_add(actor=admin, stage=stage, name="理论", max_marks=Decimal(100), weight=Decimal("0.3"))
    services.item_add(
        actor=admin, stage=stage, name="实操", max_marks=Decimal(100), weight=Decimal("0.7"), practical=True
    )
    return stage


def _bulk_finished(competition: Competition, stage: Stage, people: list[Membership], rng: random.Random) -> None:
    """A finished contest's rows in bulk: entries, sign-ups, the final's results ranked, prizes conferred."""
    admin = competition.created_by
    made = Entry.objects.bulk_create(
        Entry(competition=competition, number=n, org=m.org, name=m.person.name, created_by=admin)
        for n, m in enumerate(people, start=1)
    )
    signups = SignUp.objects.bulk_create(
        SignUp(event_id=competition.event_id, person=m.person, membership=m, org=m.org, status=SignUpStatus.CONFIRMED)
        for m in people
    )
    EntryMember.objects.bulk_create(
        EntryMember(competition=competition, entry=e, person=m.person, signup=s)
        for e, m, s in zip(made, people, signups, strict=True)
    )
    scored = sorted(
        ((Decimal(rng.randint(4000, 9900)) / 100, Decimal(rng.randint(2400, 6900)) / 100, e) for e in made),
        key=lambda t: (-t[0], -t[1], t[2].number),
    )
    StageResult.objects.bulk_create(
        StageResult(stage=stage, entry=e, number=e.number, total=total, practical=practical, scores_count=1, rank=r)
        for r, (total, practical, e) in enumerate(scored, start=1)
    )
    Event.objects.filter(pk=competition.event_id).update(held=len(people), status="published")
    Competition.objects.filter(pk=competition.pk).update(last_number=len(people), status=CompetitionStatus.CLOSED)
    Stage.objects.filter(pk=stage.pk).update(status=ContestStageStatus.CLOSED, ranked_at=timezone.now())
    winners = [(r, e, people[e.number - 1]) for r, (_t, _p, e) in enumerate(scored[:6], start=1)]
    day = competition.event.starts_at.date() + dt.timedelta(days=10)
    awards = [
        Award(
            competition=competition, entry=e, person=m.person, rank=r, grade=results.grade_for(r, competition) or "",
            status=AwardStatus.AWARDED, awarded_on=day,
        )
        for r, e, m in winners
    ]  # fmt: skip
    items = [CertificateIn(a.person, f"{competition.title} {a.get_grade_display()}", f"第{a.rank}名") for a in awards]
    for award, cert in zip(
        awards,
        certificates_issue(kind=CertificateKind.COMPETITION, org=competition.org, items=items, issued_on=day),
        strict=True,
    ):
        award.certificate = cert
    Award.objects.bulk_create(awards)


def _shangnan(admin: User, rng: random.Random) -> int:
    county = OrgNode.objects.filter(code="shangnan").first()
    if county is None or Competition.objects.filter(org=county).exists():
        return 0
    members = list(
        Membership.objects.filter(org__path__startswith=county.path, org__kind="grassroots", status="active")
        .select_related("person", "org")
        .order_by("pk")[:20_000]
    )
    if len(members) < 100:
        return 0
    year_start = timezone.make_aware(dt.datetime(timezone.localdate().year, 3, 1, 9))
    today = timezone.now()
    sizes = [SHANGNAN_ENTRIES // SHANGNAN_CONTESTS + (1 if i < SHANGNAN_ENTRIES % SHANGNAN_CONTESTS else 0)
             for i in range(SHANGNAN_CONTESTS)]  # fmt: skip
    for i, size in enumerate(sizes):
        label, code, name, chain = TRADES[i % len(TRADES)]
        start = min(year_start + dt.timedelta(days=4 * i), today - dt.timedelta(days=12))
        kind = KINDS[i % len(KINDS)]
        title = f"商南县“建功‘十四五’、奋进新征程”{label}{CompetitionKind(kind).label}（第{i // len(TRADES) + 1}场）"
        competition = services.competition_create(
            actor=admin, org=county,
            data=_fields(title, kind, start, venue="商南县职工之家", chain=chain, occupation=_occupation(code, name)),
        )  # fmt: skip
        stage = _one_stage(admin, competition)
        _bulk_finished(competition, stage, rng.sample(members, min(size, len(members))), rng)
    return SHANGNAN_CONTESTS


def _numbered(org: OrgNode, n: int, prefix: str) -> list[Membership]:
    """The first `n` members of a union, numbered on its roster where they had no number yet."""
    rows = list(Membership.objects.filter(org=org, status="active").select_related("person").order_by("pk")[:n])
    for i, m in enumerate(rows, start=1):
        if not m.member_no or not m.occupation:
            m.member_no = m.member_no or f"{prefix}{i:04d}"
            m.occupation = m.occupation or "电工"
            m.save(update_fields=["member_no", "occupation"])
    return rows


def _liushi(admin: User, rng: random.Random) -> int:
    town = OrgNode.objects.filter(code="liushi").first()
    title = "柳市镇电工职业技能大赛"
    if town is None or Competition.objects.filter(org=town, title=title).exists():
        return 0
    unions = list(OrgNode.objects.filter(path__startswith=town.path, kind="grassroots").order_by("path"))
    teams = {u: _numbered(u, 10, f"LS{n}") for n, u in enumerate(unions, start=1)}
    if not unions or sum(len(v) for v in teams.values()) < 8:
        return 0
    electrician = _occupation("6-31-01-03", "电工")
    start = timezone.now() + dt.timedelta(days=1)  # entries and the event open ahead; moved back when done
    competition = services.competition_create(
        actor=admin, org=town,
        data=_fields(title, CompetitionKind.SKILL, start, venue="柳市镇职工技能实训基地", chain="电气产业链",
                     occupation=electrician, quota_per_union=8, trade_only=True, min_age=18, max_age=55,
                     honor=HonorTitle.objects.filter(code="city-technical-expert").first(), title_places=3),
    )  # fmt: skip
    first = services.stage_add(
        actor=admin, competition=competition, name="初赛", advance_rule=AdvanceRule.TOP_N, advance_n=6,
        scores_needed=2, tolerance=Decimal(3), timed=True,
    )  # fmt: skip
    services.item_add(actor=admin, stage=first, name="理论", max_marks=Decimal(100), weight=Decimal("0.3"))
    services.item_add(
        actor=admin, stage=first, name="实操", max_marks=Decimal(100), weight=Decimal("0.7"), practical=True
    )
    final = services.stage_add(actor=admin, competition=competition, name="决赛", blind=True)
    services.item_add(actor=admin, stage=final, name="实操", max_marks=Decimal(100), practical=True)
    services.competition_open(actor=admin, competition=competition)
    judges_from = {u: members[-1] for u, members in teams.items()}
    for union, members in teams.items():
        for m in members[:-1][:8]:
            if entries.entrant_problem(competition, m) is None:
                entries.entry_create(actor=admin, competition=competition, org=union, member_nos=[m.member_no])
    services.competition_start(actor=admin, competition=competition)
    for stage in (first, final):
        stage.refresh_from_db()
        seated = [
            services.judge_seat(actor=admin, stage=stage, person=j.person, role="电工高级技师")
            for j in judges_from.values()
        ]
        items = list(stage.items.all())
        for result in StageResult.objects.filter(stage=stage).select_related("entry"):
            free = [j for j in seated if scoring.conflict_of_interest(j, result.entry) is None][: stage.scores_needed]
            base = {str(i.pk): rng.randint(62, 97) for i in items}
            seconds = rng.randint(1500, 2700) if stage.timed else None
            for judge in free:
                points = {k: str(v + rng.randint(0, 1)) for k, v in base.items()}
                scoring.score_enter(actor=admin, judge=judge, entry=result.entry, marks=points, time_seconds=seconds)
        for result in StageResult.objects.filter(stage=stage, flagged=True):
            points = {str(i.pk): "80" for i in stage.items.all()}
            scoring.result_resolve(actor=admin, result=result, marks=points, note="复核纸质评分表后裁定")
        stage.refresh_from_db()
        ranking.stage_advance(actor=admin, stage=stage)
    notice_from = timezone.localdate() - dt.timedelta(days=competition.notice_days + 1)
    results.competition_publish(actor=admin, competition=competition, today=notice_from)
    results.competition_confirm(actor=admin, competition=competition)
    held = timezone.now() - dt.timedelta(days=competition.notice_days + 3)
    Event.objects.filter(pk=competition.event_id).update(starts_at=held, ends_at=held + dt.timedelta(hours=8))
    later = timezone.now() + dt.timedelta(days=40)
    delta = _fields(
        "长三角21城电工竞技赛（乐清选拔赛）", CompetitionKind.CONTEST, later, venue="乐清市职工技能实训中心",
        chain="电气产业链", occupation=electrician, quota_per_union=2, min_level="3",
    )  # fmt: skip
    selection = services.competition_create(actor=admin, org=town, data=delta)
    _one_stage(admin, selection)
    services.competition_open(actor=admin, competition=selection)
    return 2


def _taian(admin: User, rng: random.Random) -> int:
    city = OrgNode.objects.filter(code="taian").first()
    title = "泰安市高端装备产业链“安康杯”安全知识竞赛"
    if city is None or Competition.objects.filter(org=city, title=title).exists():
        return 0
    start = timezone.now() + dt.timedelta(days=25)
    ankang = services.competition_create(
        actor=admin, org=city,
        data=_fields(title, CompetitionKind.ANKANG, start, venue="泰安市职工服务中心", chain="高端装备产业链",
                     entry_mode=EntryMode.TEAM, team_size_min=3, team_size_max=3, quota_per_union=2),
    )  # fmt: skip
    _one_stage(admin, ankang)
    services.competition_open(actor=admin, competition=ankang)
    union = OrgNode.objects.filter(code="ta-ts-shebei").first()
    members = _numbered(union, 9, "TA") if union is not None else []
    for n in range(min(2, len(members) // 3)):
        group = members[3 * n : 3 * n + 3]
        entries.entry_create(
            actor=admin, competition=ankang, org=union, member_nos=[m.member_no for m in group],  # type: ignore[arg-type]
            team_name=f"泰山智能装备安全{n + 1}队",
        )  # fmt: skip
    digital = services.competition_create(
        actor=admin, org=city,
        data=_fields("泰安市数字经济产业链数字技能大赛", CompetitionKind.DIGITAL, timezone.now() + dt.timedelta(days=2),
                     venue="泰山科技城", chain="数字经济产业链", project="大数据、人工智能"),
    )  # fmt: skip
    stage = _one_stage(admin, digital)
    services.competition_open(actor=admin, competition=digital)
    for m in members[6:9]:
        entries.entry_create(actor=admin, competition=digital, org=union, member_nos=[m.member_no])  # type: ignore[arg-type]
    if members[6:9]:  # a demo roster too short for entrants leaves the contest open for entries
        services.competition_start(actor=admin, competition=digital)
    judge_member = Membership.objects.filter(org__code="ta-ts-shebei", status="active").order_by("-pk").first()
    if judge_member is not None:
        services.judge_seat(actor=admin, stage=stage, person=judge_member.person, role="泰山工匠")
    return 2


def load_demo_competitions(admin: User) -> int:
    """Safe to re-run; returns how many new competitions it made."""
    rng = random.Random(17)  # noqa: S311 - demo data: the same contests on every machine
    return _shangnan(admin, rng) + _liushi(admin, rng) + _taian(admin, rng)
