from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from gonghui.assistance.choices import PayoutKind
from gonghui.common.jobs import job_execute
from gonghui.common.models import Job, JobStatus
from gonghui.ledger import bulk
from gonghui.ledger.bulk import bulk_approve_start
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.orgs.roles import Role
from tests.assistance.conftest import member_in
from tests.factories import UserFactory, grant
from tests.ledger.conftest import pay, winter
from tests.world import World


def _ledger(world: World, count: int, seq0: int = 100) -> tuple[object, list[Payout]]:
    """A 冬送温暖 campaign on town_a with `count` pending payouts entered by the helper."""
    campaign = winter(world.town_a)
    people = [member_in(world.union_a, f"受助{i}", seq0 + i) for i in range(count)]
    return campaign, [pay(world, maker="helper", person=p, campaign=campaign) for p in people]


def _run(world: World, campaign: object, capture: object, user: str = "same") -> Job:
    with capture(execute=True):  # type: ignore[operator]
        job = bulk_approve_start(actor=world.users[user], campaign=campaign)  # type: ignore[arg-type]
    job.refresh_from_db()
    return job


def test_bulk_approval_pays_everyone_once_and_reports_what_it_left(
    world: World, django_capture_on_commit_callbacks: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "BATCH", 2)
    monkeypatch.setattr("gonghui.ledger.jobs.BATCH", 2)
    campaign, payouts = _ledger(world, 5)
    twin = pay(world, maker="helper", person=payouts[0].person, campaign=campaign)  # same person, same kind
    own = pay(world, maker="same", person=member_in(world.union_a, "自己经办", 300), campaign=campaign)
    override = pay(world, maker="helper", person=payouts[1].person, campaign=campaign, override_reason="二次慰问")
    job = _run(world, campaign, django_capture_on_commit_callbacks)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.result == {"approved": 5, "own": 1, "overrides": 1, "duplicates": 1, "over_budget": 0}
    assert (job.done, job.total) == (8, 8)
    statuses = dict(Payout.objects.filter(campaign=campaign).values_list("pk", "status"))
    assert [statuses[p.pk] for p in payouts] == ["approved"] * 5
    assert statuses[twin.pk] == statuses[own.pk] == statuses[override.pk] == "pending"
    assert set(Payout.objects.filter(status="approved").values_list("checker__username", flat=True)) == {"same"}


def test_a_crashed_run_is_resumed_by_starting_again_and_pays_no_one_twice(
    world: World, django_capture_on_commit_callbacks: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("gonghui.ledger.jobs.BATCH", 2)
    campaign, _ = _ledger(world, 5)
    calls = {"n": 0}
    real = bulk.approve_batch

    def crash_on_second(*args: object) -> bulk.Tally:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("worker killed")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("gonghui.ledger.jobs.approve_batch", crash_on_second)
    first = _run(world, campaign, django_capture_on_commit_callbacks)
    assert first.status == JobStatus.FAILED
    assert Payout.objects.filter(campaign=campaign, status="approved").count() == 2  # the first batch stays

    monkeypatch.setattr("gonghui.ledger.jobs.approve_batch", real)
    second = _run(world, campaign, django_capture_on_commit_callbacks)
    assert second.result["approved"] == 3 and second.total == 3
    assert Payout.objects.filter(campaign=campaign, status="approved").count() == 5
    # A redelivered task for a finished job does nothing.
    job_execute(job_id=str(second.pk))
    assert Payout.objects.filter(campaign=campaign, status="approved").count() == 5


def test_a_twin_approved_elsewhere_meanwhile_is_caught_row_by_row(world: World) -> None:
    campaign, payouts = _ledger(world, 3)
    rows = list(
        Payout.objects.filter(campaign=campaign)
        .order_by("pk")
        .values_list("pk", "person_id", "enterprise_id", "kind", "override_reason", "maker_id")
    )
    # Another checker approves a twin of the first row after the batch was read, before it is written.
    twin = pay(world, maker="helper", person=payouts[0].person, campaign=campaign)
    real = bulk._already_paid
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(
            bulk, "_already_paid", lambda *a: (Payout.objects.filter(pk=twin.pk).update(status="approved"), real(*a))[1]
        )
        tally = bulk.approve_batch(world.users["same"], campaign, rows)  # type: ignore[arg-type]
    assert (tally.approved, tally.duplicates) == (2, 1)
    assert Payout.objects.get(pk=payouts[0].pk).status == PayoutStatus.PENDING


def test_only_a_checker_in_scope_starts_it(world: World) -> None:
    campaign, _ = _ledger(world, 1)
    maker = UserFactory()
    grant(maker, world.town_a, Role.ASSISTANCE)  # makes payouts, does not check them
    with pytest.raises(PermissionDenied):
        bulk_approve_start(actor=maker, campaign=campaign)
    with pytest.raises(Http404):
        bulk_approve_start(actor=world.users["sibling"], campaign=campaign)
    with pytest.raises(ValidationError, match="没有您可以审核"):
        bulk_approve_start(actor=world.users["owner"], campaign=winter(world.county_a))


def test_a_payout_made_by_the_checker_alone_leaves_nothing_to_approve(world: World) -> None:
    campaign = winter(world.county_a)
    pay(world, maker="owner", person=member_in(world.union_a, "甲", 1), campaign=campaign, amount=Decimal("10"))
    with pytest.raises(ValidationError):
        bulk_approve_start(actor=world.users["owner"], campaign=campaign)
    assert Payout.objects.get(campaign=campaign).kind == PayoutKind.CONDOLENCE


def test_bulk_approval_stops_at_the_budget_and_leaves_the_rest_pending(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    campaign, payouts = _ledger(world, 5, seq0=300)  # 5 × 3,000 yuan
    campaign.budget = Decimal("10000")  # type: ignore[attr-defined]
    campaign.save()  # type: ignore[attr-defined]
    job = _run(world, campaign, django_capture_on_commit_callbacks)
    assert (job.result["approved"], job.result["over_budget"]) == (3, 2)
    approved = Payout.objects.filter(pk__in=[p.pk for p in payouts], status=PayoutStatus.APPROVED)
    assert sum(p.amount for p in approved) == Decimal("9000")
