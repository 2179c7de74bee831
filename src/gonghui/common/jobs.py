"""Background jobs with progress: start one, report progress, run it safely twice.

Each app registers handlers with `@job_handler("app.kind")` in its `jobs.py`.
A handler receives the Job and a Progress reporter and returns a JSON result;
it must be safe to re-run (the worker may retry after a crash), which in
practice means it does its writes in one transaction or skips finished work.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    """Writes progress to the Job row, at most a few times a second, where the job's page can see it.

    A handler doing its work in one transaction (an import) would keep an ordinary update invisible until
    it commits, and the bar would jump from 0 to 100. On PostgreSQL such updates go on a connection of
    their own instead, outside the transaction. SQLite has one writer at a time, the handler's
    transaction: there the bar moves at the end (the demo database; dry runs take no transaction).
    """

    min_interval = 0.3

    def __init__(self, job: Job):
        self.job = job
        self._last_write = 0.0
        self._aside: BaseDatabaseWrapper | None = None

    def set_total(self, total: int, message: str = "") -> None:
        self.job.total = total
        self._write(force=True, message=message)

    def advance(self, count: int = 1, message: str = "") -> None:
        self.job.done += count
        self._write(force=False, message=message)

    def close(self) -> None:
        if self._aside is not None:
            self._aside.close()
            self._aside = None

    def _write(self, *, force: bool, message: str) -> None:
        now = time.monotonic()
        if not force and now - self._last_write < self.min_interval and self.job.done < self.job.total:
            return
        self._last_write = now
        if message:
            self.job.message = message[:200]
        values = {"total": self.job.total, "done": self.job.done, "message": self.job.message}
        if connection.in_atomic_block and connection.vendor == "postgresql":
            self._write_aside(values)
        else:
            Job.objects.filter(pk=self.job.pk).update(**values, updated_at=timezone.now())

    def _write_aside(self, values: dict[str, Any]) -> None:
        if self._aside is None:
            self._aside = connections.create_connection(DEFAULT_DB_ALIAS)
            with self._aside.cursor() as cursor:
                # Never wait long on the Job row: a handler that locked it itself would otherwise wait on us.
                cursor.execute("SET lock_timeout = '1s'")
        table = self._aside.ops.quote_name(Job._meta.db_table)
        columns = ", ".join(f"{self._aside.ops.quote_name(name)} = %s" for name in [*values, "updated_at"])
        try:
            with self._aside.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET {columns} WHERE id = %s",  # noqa: S608 - quoted names, values are parameters
                    [*values.values(), timezone.now(), self.job.pk],
                )
        except DatabaseError:
            logger.warning("job %s: progress not written", self.job.pk, exc_info=True)


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
    from gonghui.common.workers import current_worker_id  # workers imports the models, as this module does

    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        started_at=timezone.now(),
        attempts=job.attempts + 1,
        done=0,
        worker_id=current_worker_id(),
    )
    job.refresh_from_db()
    progress = Progress(job)
    try:
        result = handler(job, progress)
    except ValidationError as exc:
        _finish(job, status=JobStatus.FAILED, error="; ".join(exc.messages))
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, status=JobStatus.FAILED, error=_("任务执行出错，请稍后重试或联系管理员。"))
    else:
        job.result = result
        _finish(job, status=JobStatus.SUCCEEDED, error="")
    finally:
        progress.close()


def _finish(job: Job, *, status: JobStatus, error: str) -> None:
    job.status = status
    job.error = error
    job.finished_at = timezone.now()
    if status == JobStatus.SUCCEEDED:
        job.done = max(job.done, job.total)
    # total and message too: progress written on its own connection (see Progress) cannot reach a row that is not
    # committed yet, as when the job runs inside its caller's transaction.
    fields = ["status", "error", "finished_at", "result", "result_file", "total", "done", "message", "updated_at"]
    job.save(update_fields=fields)


DEAD_WORKER = gettext_lazy("执行任务的后台进程已中断（重启或故障），任务没有完成。可以点“重试”重新执行。")


def jobs_reap_dead() -> int:
    """Mark running jobs whose worker stopped beating as failed, with the reason; returns how many."""
    from gonghui.common.models import WorkerHeartbeat

    horizon = timezone.now() - dt.timedelta(seconds=3 * settings.JOB_WORKER_HEARTBEAT_SECONDS)
    alive = WorkerHeartbeat.objects.filter(seen_at__gte=horizon).values("worker_id")
    dead = Job.objects.filter(status=JobStatus.RUNNING).exclude(worker_id="").exclude(worker_id__in=alive)
    return dead.update(status=JobStatus.FAILED, error=str(DEAD_WORKER), finished_at=timezone.now())


@transaction.atomic
def job_retry(*, actor: Any, job: Job) -> Job:
    """Run a failed job again with what it was given (an import's stored upload too, while it is kept)."""
    locked = Job.objects.select_for_update().get(pk=job.pk)
    if locked.created_by_id != getattr(actor, "pk", None):
        raise PermissionDenied  # first: whether the job failed is its starter's business
    if locked.status != JobStatus.FAILED:
        raise ValidationError(_("只有失败的任务可以重试。"))
    path = locked.params.get("path")
    if path and not default_storage.exists(path):
        raise ValidationError(_("上传的文件已按规定删除，请重新上传。"))
    locked.status, locked.error, locked.done, locked.finished_at = JobStatus.QUEUED, "", 0, None
    locked.save(update_fields=["status", "error", "done", "finished_at", "updated_at"])
    from gonghui.common.tasks import run_job

    job_id = str(locked.pk)
    transaction.on_commit(lambda: run_job.enqueue(job_id))
    return locked
