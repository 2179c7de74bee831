"""Background jobs with progress: start one, report progress, run it safely twice.

Each app registers handlers with `@job_handler("app.kind")` in its `jobs.py`.
A handler receives the Job and a Progress reporter and returns a JSON result;
it must be safe to re-run (the worker may retry after a crash), which in
practice means it does its writes in one transaction or skips finished work.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from gonghui.common.models import Job, JobStatus

logger = logging.getLogger(__name__)

JobHandler = Callable[[Job, "Progress"], dict[str, Any]]
_HANDLERS: dict[str, JobHandler] = {}
_LABELS: dict[str, str | Promise] = {}


def job_handler(kind: str, label: str | Promise = "") -> Callable[[JobHandler], JobHandler]:
    def register(func: JobHandler) -> JobHandler:
        _HANDLERS[kind] = func
        _LABELS[kind] = label or kind
        return func

    return register


def kind_label(kind: str) -> str:
    """What a person calls this kind of job, e.g. 导出组织树."""
    return str(_LABELS.get(kind, kind))


def registered_kinds() -> list[str]:
    return sorted(_HANDLERS)


class Progress:
    """Writes progress to the Job row, at most a few times a second."""

    min_interval = 0.3

    def __init__(self, job: Job):
        self.job = job
        self._last_write = 0.0

    def set_total(self, total: int, message: str = "") -> None:
        self.job.total = total
        self._write(force=True, message=message)

    def advance(self, count: int = 1, message: str = "") -> None:
        self.job.done += count
        self._write(force=False, message=message)

    def _write(self, *, force: bool, message: str) -> None:
        now = time.monotonic()
        if not force and now - self._last_write < self.min_interval and self.job.done < self.job.total:
            return
        self._last_write = now
        if message:
            self.job.message = message[:200]
        Job.objects.filter(pk=self.job.pk).update(
            total=self.job.total, done=self.job.done, message=self.job.message, updated_at=timezone.now()
        )


@transaction.atomic
def job_start(*, kind: str, user: Any, org: Any = None, params: dict[str, Any] | None = None) -> Job:
    if kind not in _HANDLERS:
        raise ValueError(f"no handler registered for job kind {kind!r}")
    job = Job.objects.create(kind=kind, created_by=user, org=org, params=params or {})
    from gonghui.common.tasks import run_job  # the task module imports this one

    job_id = str(job.pk)
    transaction.on_commit(lambda: run_job.enqueue(job_id))
    return job


def job_execute(*, job_id: str) -> None:
    """Run a job once; a finished job is left alone, so re-delivery is harmless."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.finished:
        return
    handler = _HANDLERS[job.kind]
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), attempts=job.attempts + 1, done=0
    )
    job.refresh_from_db()
    try:
        result = handler(job, Progress(job))
    except ValidationError as exc:
        _finish(job, status=JobStatus.FAILED, error="; ".join(exc.messages))
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, status=JobStatus.FAILED, error=_("任务执行出错，请稍后重试或联系管理员。"))
    else:
        job.result = result
        _finish(job, status=JobStatus.SUCCEEDED, error="")


def _finish(job: Job, *, status: JobStatus, error: str) -> None:
    job.status = status
    job.error = error
    job.finished_at = timezone.now()
    if status == JobStatus.SUCCEEDED:
        job.done = max(job.done, job.total)
    job.save(update_fields=["status", "error", "finished_at", "result", "result_file", "done", "updated_at"])
