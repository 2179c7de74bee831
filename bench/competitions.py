"""劳动和技能竞赛: a competition with 25,000 entrants, on PostgreSQL.

A county's electricians' final with 25,000 individual entries from 25 grassroots unions (each with its
sign-up in the competition's event and its stored result), all scored. Measured in one run:

- the ranking page (`/competitions/stages/<pk>/ranking/?after=<rank>`, the whole view through Django's test
  client as the organiser with a verified second factor: middleware, session, scope, template), on random
  pages of 50; target p95 ≤ 150 ms. The ranks are stored and read by the (stage, rank) index.
- recomputing the ranking after a score change: `scoring.score_enter` for a random entrant with new marks
  (the score's upsert, the entry's result from its scores, and the set-based re-rank: one UPDATE with a
  window function writing only the rows whose rank moved); target p95 ≤ 1 s.

Peers, measured in the same run: the stage's own page by primary key through the same machinery (for the
ranking page), and the same score entry with the re-rank left out (for the recompute).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from bench.harness import Result, measure, report, result, staff_client

ORG_CODE = "bench-competitions"
ENTRANTS = 25_000
UNIONS = 25
TITLE = "基准测试县电工职业技能竞赛"
SCALE = "1 competition × 25,000 entrants from 25 unions, all scored; pages of 50; in-process test client"
RUNS = 200
SCORE_RUNS = 40


def _people(orgs: list[Any], n: int) -> list[Any]:
    from django.utils import timezone

    from gonghui.common.idcard import check_char
    from gonghui.members.models import Membership, Person
    from gonghui.members.services import person_keys

    people = []
    for i in range(n):
        first17 = f"3209041980{i // 28 % 12 + 1:02d}{i % 28 + 1:02d}{i // 336 % 900 + 100:03d}"
        name = f"基准选手{i:05d}"
        people.append(Person(name=name, id_number=first17 + check_char(first17), **person_keys(name)))
    made = Person.objects.bulk_create(people, batch_size=2000)
    Membership.objects.bulk_create(
        (
            Membership(person=p, org=orgs[i % len(orgs)], status="active", source="cadre", applied_at=timezone.now(),
                       member_no=f"B{i:05d}", occupation="电工")
            for i, p in enumerate(made)
        ),
        batch_size=2000,
    )  # fmt: skip
    return made


def build(*, rebuild: bool = False) -> Any:
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.utils import timezone

    from gonghui.events.models import Event, SignUp
    from gonghui.members.models import Membership
    from gonghui.orgs.kinds import OrgKind
    from gonghui.orgs.models import OrgNode
    from gonghui.skills.competitions import ranking, services
    from gonghui.skills.competitions.choices import ContestStageStatus
    from gonghui.skills.competitions.models import Competition, Entry, EntryMember, Stage, StageResult

    found = Competition.objects.filter(org__code=ORG_CODE, title=TITLE).first()
    if found is not None and not rebuild and Entry.objects.filter(competition=found).count() >= ENTRANTS:
        return found
    started = time.perf_counter()
    User = get_user_model()
    admin = User.objects.filter(username="bench-competitions-admin").first() or User.objects.create(
        username="bench-competitions-admin", is_superuser=True
    )
    with transaction.atomic():
        root = OrgNode.objects.filter(code=ORG_CODE).first()
        if root is not None:
            Competition.objects.filter(org=root).delete()
        else:
            root = OrgNode.objects.add_root(
                instance=OrgNode(
                    code=ORG_CODE, name="竞赛基准测试县总工会", kind=OrgKind.FED_COUNTY, region_id="320904"
                )
            )
        unions = list(OrgNode.objects.filter(path__startswith=root.path, depth=root.depth + 1).order_by("path"))
        for n in range(len(unions), UNIONS):
            unions.append(root.add_child(code=f"{ORG_CODE}-{n:02d}", name=f"基准基层工会{n:02d}", kind="grassroots",
                                         region_id="320904"))  # fmt: skip
        members = list(Membership.objects.filter(org__in=unions).select_related("person").order_by("pk"))
        if len(members) < ENTRANTS:
            _people(unions, ENTRANTS - len(members))
            members = list(Membership.objects.filter(org__in=unions).select_related("person").order_by("pk"))
        start = timezone.now() + dt.timedelta(days=3)
        competition = services.competition_create(
            actor=admin, org=root,
            data=services.CompetitionFields(title=TITLE, kind="skill", starts_at=start, venue="基准实训基地",
                                            ends_at=start + dt.timedelta(hours=8), places=30_000),
        )  # fmt: skip
        stage = services.stage_add(actor=admin, competition=competition, name="决赛", timed=True)
        services.item_add(actor=admin, stage=stage, name="理论", max_marks=Decimal(100), weight=Decimal("0.3"))
        services.item_add(actor=admin, stage=stage, name="实操", max_marks=Decimal(100), weight=Decimal("0.7"),
                          practical=True)  # fmt: skip
        services.competition_open(actor=admin, competition=competition)
        chosen = members[:ENTRANTS]
        entries = Entry.objects.bulk_create(
            (Entry(competition=competition, number=n, org=m.org, name=m.person.name, created_by=admin)
             for n, m in enumerate(chosen, start=1)),
            batch_size=5000,
        )  # fmt: skip
        signups = SignUp.objects.bulk_create(
            (SignUp(event_id=competition.event_id, person=m.person, membership=m, org=m.org, status="confirmed")
             for m in chosen),
            batch_size=5000,
        )  # fmt: skip
        EntryMember.objects.bulk_create(
            (EntryMember(competition=competition, entry=e, person=m.person, signup=s)
             for e, m, s in zip(entries, chosen, signups, strict=True)),
            batch_size=5000,
        )  # fmt: skip
        rng = random.Random(25)
        StageResult.objects.bulk_create(
            (StageResult(stage=stage, entry=e, number=e.number, total=Decimal(rng.randint(3000, 9900)) / 100,
                         practical=Decimal(rng.randint(2000, 6900)) / 100, time_seconds=rng.randint(1200, 3600),
                         scores_count=1)
             for e in entries),
            batch_size=5000,
        )  # fmt: skip
        Event.objects.filter(pk=competition.event_id).update(held=ENTRANTS)
        Competition.objects.filter(pk=competition.pk).update(last_number=ENTRANTS, status="running")
        Stage.objects.filter(pk=stage.pk).update(status=ContestStageStatus.SCORING)
        ranking.stage_rerank(stage)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE competitions_stageresult, competitions_entry, competitions_score")
    print(f"built {ENTRANTS:,} entrants in {time.perf_counter() - started:.0f} s")
    return competition


def _get(client: Any, paths: Iterator[str], check: bytes) -> Callable[[], None]:
    def call() -> None:
        response = client.get(next(paths), secure=True)
        assert response.status_code == 200 and check in response.content, response.status_code

    return call


def run(*, rebuild: bool = False) -> list[Result]:
    from django.contrib.auth import get_user_model

    from gonghui.members.models import Person
    from gonghui.skills.competitions import scoring, services
    from gonghui.skills.competitions.models import Entry, Judge, Score

    competition = build(rebuild=rebuild)
    stage = competition.stages.get()
    admin = get_user_model().objects.get(username="bench-competitions-admin")
    judge = Judge.objects.filter(stage=stage).first()
    if judge is None:
        outsider = Person.objects.exclude(
            pk__in=Entry.objects.filter(competition=competition).values("members__person")
        ).first()
        seated = outsider or Person.objects.first()
        judge = services.judge_seat(actor=admin, stage=stage, person=seated, role="高级技师")  # type: ignore[arg-type]
    client = staff_client(admin)
    rng = random.Random(7)
    pages = (f"/competitions/stages/{stage.pk}/ranking/?after={rng.randrange(0, ENTRANTS - 50)}" for _ in iter(int, 1))
    ranking_page = measure(_get(client, pages, b'id="ranking"'), runs=RUNS, warmup=10)
    stage_page = measure(_get(client, (f"/competitions/stages/{stage.pk}/" for _ in iter(int, 1)), b'id="items"'),
                         runs=RUNS, warmup=10)  # fmt: skip
    items = list(stage.items.order_by("sort"))
    numbers = list(Entry.objects.filter(competition=competition).values_list("pk", flat=True))
    entries = {pk: Entry.objects.get(pk=pk) for pk in rng.sample(numbers, SCORE_RUNS * 2 + 10)}
    picks = iter(list(entries.values()) * 2)

    def score() -> None:
        marks = {str(items[0].pk): str(rng.randint(30, 100)), str(items[1].pk): str(rng.randint(30, 100))}
        scoring.score_enter(
            actor=admin, judge=judge, entry=next(picks), marks=marks, time_seconds=rng.randint(1200, 3600)
        )

    rescore = measure(score, runs=SCORE_RUNS, warmup=3)
    original = scoring.stage_rerank
    scoring.stage_rerank = lambda stage: None  # type: ignore[assignment]
    try:
        no_rerank = measure(score, runs=SCORE_RUNS, warmup=3)
    finally:
        scoring.stage_rerank = original
    Score.objects.filter(stage=stage).delete()
    return [
        result("ranking_page", ranking_page, target="≤ 150", scale=SCALE,
               peer="the stage's own page by primary key (same machinery)", peer_timing=stage_page),
        result("score_change_rerank", rescore, target="≤ 1000", scale=SCALE,
               peer="the same score entry without the re-rank", peer_timing=no_rerank),
    ]  # fmt: skip


def main(*, rebuild: bool = False) -> None:
    report("competitions", run(rebuild=rebuild))
