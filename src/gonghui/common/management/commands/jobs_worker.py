"""Run the background job worker for the configured backend, with a heartbeat.

TASKS_BACKEND=db: django-tasks-db's worker plus a heartbeat row that /healthz reads.
TASKS_BACKEND=rq: django-rq's worker (RQ keeps its own worker registry in Redis).
"""

from __future__ import annotations

import socket
import uuid
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from gonghui.common.models import WorkerHeartbeat
from gonghui.common.workers import start_heartbeat_thread, start_purge_thread, use_job_timeouts


class Command(BaseCommand):
    help = "Run the Gonghui background job worker (DB or RQ backend)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--queue", default="default")

    def handle(self, *args: Any, **options: Any) -> None:
        use_job_timeouts()
        start_purge_thread(settings.FILE_PURGE_INTERVAL_SECONDS)
        if settings.TASKS_BACKEND == "rq":
            # django-tasks-rq needs its Job class to turn RQ jobs back into task results.
            call_command("rqworker", options["queue"], job_class="django_tasks_rq.Job")
            return
        worker_id = f"{socket.gethostname()}-{uuid.uuid4().hex[:8]}"[:64]
        stop = start_heartbeat_thread(worker_id, settings.JOB_WORKER_HEARTBEAT_SECONDS)
        try:
            call_command("db_worker", queue_name=options["queue"], worker_id=worker_id, reload=False)
        finally:
            stop.set()
            WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
