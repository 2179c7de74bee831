"""The same task code on Redis + RQ (the scale-out backend). Redis must be up on CI."""

import os
from typing import Any

import pytest
import redis

from gonghui.common.jobs import job_start
from gonghui.common.models import Job, JobStatus
from gonghui.common.workers import worker_alive
from tests.common.test_jobs import count_to  # noqa: F401  (registers the "tests.count" handler)
from tests.conftest import IN_CI

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def rq_settings(settings: Any) -> Any:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        if IN_CI:
            pytest.fail(f"Redis is not reachable at {REDIS_URL}: {exc}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    settings.TASKS_BACKEND = "rq"
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    return settings


def test_a_job_enqueued_on_rq_is_run_by_an_rq_worker(
    db: None, rq_settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    import django_rq
    from django_tasks_rq import Job as TaskJob
    from rq import SimpleWorker

    queue = django_rq.get_queue("default")
    queue.empty()
    assert worker_alive() is False  # no RQ worker registered yet
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(kind="tests.count", user=None, params={"n": 3})
    assert queue.count == 1 and Job.objects.get(pk=job.pk).status == JobStatus.QUEUED
    # What `manage.py jobs_worker` runs with TASKS_BACKEND=rq, in burst mode and in-process.
    SimpleWorker([queue], connection=queue.connection, job_class=TaskJob).work(burst=True)
    job.refresh_from_db()
    assert (job.status, job.result) == (JobStatus.SUCCEEDED, {"counted": 3})
