"""预约服务: a provider's calendar with a year of sessions, the whole view, on PostgreSQL.

One counsellor available Monday to Friday 08:00-18:00 in 50-minute sessions (10 a day), with about 2,000
appointments over a year (nine months past, three to come; done, missed, cancelled and booked), booked by
200 members, among 20 other providers' 20,000 appointments in the same table. Measured through Django's
test client (middleware, session, template) as the provider signed in on the phone: the week view of the
calendar (`/h5/provider/?date=…`) on random weeks of the year, and the worker's page of the provider's free
slots for the next 7 days. Target: p95 ≤ 100 ms. Peer, measured in the same run: the provider's page of one
session by primary key (the same machinery around an indexed single-row lookup and an empty note read).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterator
from typing import Any

from bench.harness import Result, measure, report, result

ORG_CODE = "bench-appointments"
PER_PROVIDER = 2_000
OTHERS = 20
SCALE = "1 provider × ~2,000 appointments over a year, + 20 providers × 1,000; in-process test client"
RUNS = 200


def _people(org: Any, n: int) -> list[Any]:
    from django.utils import timezone

    from gonghui.common.idcard import check_char
    from gonghui.members.models import Membership, Person
    from gonghui.members.services import person_keys

    people = []
    for i in range(n):
        first17 = f"110105{1970 + i % 30}0101{i % 900 + 100:03d}"
        name = f"基准会员{i:03d}"
        people.append(Person(name=name, id_number=first17 + check_char(first17), **person_keys(name)))
    made = Person.objects.bulk_create(people)
    Membership.objects.bulk_create(
        Membership(person=p, org=org, status="active", source="cadre", applied_at=timezone.now()) for p in made
    )
    return made


def _fill(provider: Any, people: list[Any], count: int, rng: random.Random) -> None:
    from django.utils import timezone

    from gonghui.appointments.models import Appointment
    from gonghui.appointments.slots import grid, spans_by_day

    today = timezone.localdate()
    days = spans_by_day(provider, today - dt.timedelta(days=270), today + dt.timedelta(days=95))
    slots = [s for day, spans in days.items() for s in grid(provider, spans, day)]
    chosen = sorted(rng.sample(slots, min(count, len(slots))), key=lambda s: s.starts_at)
    now = timezone.now()
    rows = []
    for i, slot in enumerate(chosen):
        past = slot.starts_at < now
        status = ("done" if i % 9 else "no_show") if past else "booked"
        if i % 17 == 0:
            status = "cancelled"
        rows.append(
            Appointment(
                provider=provider, person=people[i % len(people)], kind=provider.kind, starts_at=slot.starts_at,
                ends_at=slot.ends_at, status=status,
            )
        )  # fmt: skip
    Appointment.objects.bulk_create(rows, batch_size=5000)


def build(*, rebuild: bool = False) -> Any:
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from gonghui.accounts.models import UserKind
    from gonghui.appointments.models import Appointment, Provider, WeeklyRule
    from gonghui.orgs.kinds import OrgKind
    from gonghui.orgs.models import OrgNode

    org = OrgNode.objects.filter(code=ORG_CODE).first()
    main = Provider.objects.filter(org__code=ORG_CODE, name="基准咨询师").first()
    if main is not None and not rebuild and Appointment.objects.filter(provider=main).count() >= PER_PROVIDER * 0.9:
        return main
    started = time.perf_counter()
    with transaction.atomic():
        if org is None:
            org = OrgNode.objects.add_root(
                instance=OrgNode(
                    code=ORG_CODE, name="预约服务基准测试总工会", kind=OrgKind.FED_CITY, region_id="110000"
                )
            )
        Appointment.objects.filter(provider__org=org).delete()
        Provider.objects.filter(org=org).delete()
        from gonghui.members.models import Membership, Person

        ids = list(Membership.objects.filter(org=org).values_list("person_id", flat=True))
        Membership.objects.filter(org=org).delete()
        Person.objects.filter(pk__in=ids).delete()
        User = get_user_model()
        admin = User.objects.filter(username="bench-appointments-admin").first() or User.objects.create(
            username="bench-appointments-admin", is_superuser=True
        )
        account = User.objects.filter(username="bench-counsellor").first() or User.objects.create(
            username="bench-counsellor", kind=UserKind.PROVIDER
        )
        rng = random.Random(16)
        people = _people(org, 200)
        providers = []
        for i in range(OTHERS + 1):
            provider = Provider.objects.create(
                org=org, kind="counselling" if i % 2 == 0 else "legal",
                name="基准咨询师" if i == 0 else f"基准服务人员{i:02d}",
                mobile=f"1380000{i:04d}", user=account if i == 0 else None, notice_hours=0, ahead_days=180,
                created_by=admin,
            )  # fmt: skip
            WeeklyRule.objects.bulk_create(
                WeeklyRule(provider=provider, weekday=d, opens=480, closes=1080) for d in range(5)
            )
            _fill(provider, people, PER_PROVIDER if i == 0 else PER_PROVIDER // 2, rng)
            providers.append(provider)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE appointments_appointment, appointments_provider, appointments_weeklyrule")
    total = Appointment.objects.filter(provider__org=org).count()
    print(f"built {total:,} appointments in {time.perf_counter() - started:.0f} s")
    return providers[0]


def _get(client: Any, paths: Iterator[str], check: bytes) -> Callable[[], None]:
    def call() -> None:
        response = client.get(next(paths), secure=True)
        assert response.status_code == 200 and check in response.content, response.status_code

    return call


def run(*, rebuild: bool = False) -> list[Result]:
    from django.test import Client
    from django.utils import timezone

    from gonghui.appointments.models import Appointment
    from gonghui.members.models import WorkerAccount as Account

    provider = build(rebuild=rebuild)
    rng = random.Random(7)
    today = timezone.localdate()
    weeks = [today + dt.timedelta(days=rng.randint(-270, 90)) for _ in range(RUNS * 2)]
    client = Client()
    client.force_login(provider.user)
    calendar = (f"/h5/provider/?date={d.isoformat()}" for d in weeks * 2)
    ids = list(Appointment.objects.filter(provider=provider).values_list("pk", flat=True))
    rng.shuffle(ids)
    sessions = (f"/h5/provider/appointments/{pk}/" for pk in ids * 2)
    week_page = measure(_get(client, calendar, b"calendar-count"), runs=RUNS, warmup=10)
    session_page = measure(_get(client, sessions, "预约详情".encode()), runs=RUNS, warmup=10)
    person = Appointment.objects.filter(provider=provider).first().person  # type: ignore[union-attr]
    from django.contrib.auth import get_user_model

    User = get_user_model()
    worker = User.objects.filter(username="bench-appointments-worker").first() or User.objects.create(
        username="bench-appointments-worker", kind="worker"
    )
    Account.objects.get_or_create(user=worker, defaults={"person": person})
    member = Client()
    member.force_login(worker)
    base = f"/h5/me/appointments/providers/{provider.pk}/"
    starts = (f"{base}?date={(today + dt.timedelta(days=rng.randint(0, 80))).isoformat()}" for _ in iter(int, 1))
    slots_page = measure(_get(member, starts, b"slots"), runs=RUNS, warmup=10)
    peer = "the provider's page of one session by primary key (indexed single-row lookup)"
    return [
        result("provider_calendar_week_page", week_page, target="≤ 100", scale=SCALE, peer=peer,
               peer_timing=session_page),
        result("worker_free_slots_page", slots_page, target="≤ 100", scale=SCALE, peer=peer,
               peer_timing=session_page),
    ]  # fmt: skip


def main(*, rebuild: bool = False) -> None:
    report("appointments", run(rebuild=rebuild))
