"""Is a job worker alive? Each backend answers differently."""

from __future__ import annotations

import datetime as dt
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
