"""Is a job worker alive? Each backend answers differently."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import connection
from django.utils import timezone

from gonghui.common.models import WorkerHeartbeat


def heartbeat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": timezone.now(), "hostname": socket.gethostname()[:128], "pid": os.getpid()},
    )


def start_heartbeat_thread(worker_id: str, interval: float) -> threading.Event:
    stop = threading.Event()

    def beat() -> None:
        while True:
            try:
                heartbeat(worker_id)
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
