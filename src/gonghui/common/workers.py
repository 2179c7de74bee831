"""Is a job worker alive? Each backend answers differently."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, connections
from django.db.backends.signals import connection_created
from django.utils import timezone

from gonghui.common.models import WorkerHeartbeat

logger = logging.getLogger(__name__)
_CURRENT = {"worker_id": ""}


def current_worker_id() -> str:
    """This process's job-worker id ("" when a job runs inline, in the request that started it)."""
    return _CURRENT["worker_id"]


def heartbeat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": timezone.now(), "hostname": socket.gethostname()[:128], "pid": os.getpid()},
    )


def start_heartbeat_thread(worker_id: str, interval: float) -> threading.Event:
    stop = threading.Event()

    _CURRENT["worker_id"] = worker_id

    def beat() -> None:
        from gonghui.common.jobs import jobs_reap_dead  # jobs imports this module

        while True:
            try:
                heartbeat(worker_id)
                jobs_reap_dead()  # a live worker fails the jobs of a dead one, so they can be retried
            except DatabaseError:
                logger.warning("heartbeat not written", exc_info=True)
            finally:
                connection.close()
            if stop.wait(interval):
                break

    threading.Thread(target=beat, name="gonghui-heartbeat", daemon=True).start()
    return stop


def worker_alive() -> bool:
    backend = settings.TASKS_BACKEND
    if backend == "immediate":
        return True
    if backend == "rq":
        import django_rq
        from rq import Worker

        return Worker.count(connection=django_rq.get_connection("default")) > 0
    horizon = timezone.now() - dt.timedelta(seconds=3 * settings.JOB_WORKER_HEARTBEAT_SECONDS)
    return WorkerHeartbeat.objects.filter(seen_at__gte=horizon).exists()


def start_purge_thread(interval: float) -> threading.Event:
    """Run the file purge every `interval` seconds beside the worker; a failed round waits for the next."""
    from gonghui.common.file_purge import files_purge

    stop = threading.Event()

    def purge() -> None:
        while not stop.wait(interval):
            try:
                files_purge()
            except Exception:
                logging.getLogger(__name__).exception("file purge failed")
            finally:
                connection.close()

    threading.Thread(target=purge, name="gonghui-purge", daemon=True).start()
    return stop


def use_job_timeouts() -> None:
    """From now on this process's database sessions get the job limits (JOB_LOCK_TIMEOUT_MS,
    JOB_STATEMENT_TIMEOUT_MS) instead of the web's: a job may hold locks and run long (a million-row import)."""
    connection_created.connect(_job_timeouts, dispatch_uid="gonghui.job_timeouts")
    for open_connection in connections.all(initialized_only=True):
        if open_connection.connection is not None:  # already connected: set them now
            _job_timeouts(None, open_connection)


def _job_timeouts(sender: object, connection: Any, **kwargs: Any) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('lock_timeout', %s, false)", [str(settings.JOB_LOCK_TIMEOUT_MS)])
        cursor.execute("SELECT set_config('statement_timeout', %s, false)", [str(settings.JOB_STATEMENT_TIMEOUT_MS)])
