from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest, JsonResponse

from gonghui.common.access import public_view
from gonghui.common.workers import worker_alive


@public_view
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers: database reachable, job worker alive. No union data."""
    db_ok = alive = False
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":  # answer within a second even while tables are locked
                with connection.cursor() as cursor:
                    timeout = str(settings.HEALTHZ_TIMEOUT_MS)
                    cursor.execute("SELECT set_config('statement_timeout', %s, true)", [timeout])
                    cursor.execute("SELECT set_config('lock_timeout', %s, true)", [timeout])
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            db_ok = True
            alive = worker_alive()
    except DatabaseError:
        pass
    except Exception:
        alive = False
    payload = {
        "status": "ok" if db_ok else "error",
        "database": {"engine": connection.vendor, "ok": db_ok},
        "jobs": {"backend": settings.TASKS_BACKEND, "worker_alive": alive},
    }
    return JsonResponse(payload, status=200 if db_ok else 503)
