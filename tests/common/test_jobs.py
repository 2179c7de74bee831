import datetime as dt
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

from gonghui.common.jobs import Progress, job_execute, job_handler, job_start
from gonghui.common.models import Job, JobStatus, WorkerHeartbeat
from gonghui.common.workers import heartbeat, worker_alive
from tests.factories import UserFactory

calls: list[str] = []


@job_handler("tests.count")
def count_to(job: Job, progress: Progress) -> dict[str, Any]:
    calls.append(str(job.pk))
    progress.set_total(job.params["n"])
    for _ in range(job.params["n"]):
        progress.advance()
    return {"counted": job.params["n"]}


@job_handler("tests.fail")
def fail(job: Job, progress: Progress) -> dict[str, Any]:
    raise RuntimeError("disk on fire: 11010519491231002X")


def test_job_runs_on_commit_and_records_progress(db: None, django_capture_on_commit_callbacks: Any) -> None:
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(kind="tests.count", user=user, params={"n": 5})
        assert Job.objects.get(pk=job.pk).status == JobStatus.QUEUED
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.percent, job.result) == (
        JobStatus.SUCCEEDED,
        5,
        5,
        100,
        {"counted": 5},
    )


def test_running_a_finished_job_again_does_nothing(db: None) -> None:
    job = Job.objects.create(kind="tests.count", params={"n": 2})
    calls.clear()
    job_execute(job_id=str(job.pk))
    job_execute(job_id=str(job.pk))
    assert calls == [str(job.pk)]


def test_failure_is_recorded_without_leaking_details(db: None) -> None:
    job = Job.objects.create(kind="tests.fail")
    job_execute(job_id=str(job.pk))
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "11010519491231002X" not in job.error and "任务执行出错" in job.error


def test_unknown_kind_is_refused(db: None) -> None:
    with pytest.raises(ValueError, match="no handler"):
        job_start(kind="nope", user=None)


def test_worker_alive_follows_the_heartbeat(db: None, settings: Any) -> None:
    settings.TASKS_BACKEND = "db"
    assert not worker_alive()
    heartbeat("w1")
    assert worker_alive()
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - dt.timedelta(minutes=5))
    assert not worker_alive()


def _seen_elsewhere(job: Job) -> tuple[int, int]:
    """(total, done) as another process, e.g. the job's page, reads them now."""
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT total, done FROM common_job WHERE id = %s", [job.pk])
            total, done = cursor.fetchone()
            return int(total), int(done)
    finally:
        other.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_progress_inside_a_handlers_transaction_is_seen_at_once() -> None:
    job = Job.objects.create(kind="tests.count", created_by=UserFactory())
    progress = Progress(job)
    progress.min_interval = 0
    with transaction.atomic():  # as an import does all its work
        progress.set_total(10)
        progress.advance(3)
        mid_way = _seen_elsewhere(job)
        transaction.set_rollback(True)
    progress.close()
    assert mid_way == (10, 3)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_progress_gives_up_rather_than_wait_on_a_row_the_handler_locked(caplog: pytest.LogCaptureFixture) -> None:
    job = Job.objects.create(kind="tests.count", created_by=UserFactory())
    progress = Progress(job)
    with transaction.atomic():
        Job.objects.select_for_update().get(pk=job.pk)  # the handler's transaction holds the row
        progress.set_total(10)  # would wait for that transaction, which waits for this call, for ever
    progress.close()
    assert "progress not written" in caplog.text
    assert _seen_elsewhere(job) == (0, 0)
