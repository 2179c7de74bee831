from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse

from gonghui.common.access import public_view
from gonghui.common.workers import worker_alive


@public_view
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers: database reachable, job worker alive. No union data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        db_ok = True
    except DatabaseError:
        db_ok = False
    try:
        alive = db_ok and worker_alive()
    except Exception:  # Redis down for the RQ backend: the worker is not reachable
        alive = False
    payload = {
        "status": "ok" if db_ok else "error",
        "database": {"engine": connection.vendor, "ok": db_ok},
        "jobs": {"backend": settings.TASKS_BACKEND, "worker_alive": alive},
    }
    return JsonResponse(payload, status=200 if db_ok else 503)
