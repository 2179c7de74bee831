"""A statement PostgreSQL cancelled (lock_timeout, statement_timeout) or SQLite's busy lock: 503, not 500.

The request could not get its row in time because another is working on it; the caller may simply try
again. The API answers JSON, pages answer a Chinese page, both with Retry-After.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse

# lock_not_available, query_canceled (what lock_timeout and statement_timeout raise)
BUSY_SQLSTATES = frozenset({"55P03", "57014"})


def is_busy(exc: BaseException) -> bool:
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    if getattr(cause, "sqlstate", None) in BUSY_SQLSTATES:
        return True
    return "database is locked" in str(exc)


class DatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy(exception):
            return None
        from gonghui.common.error_views import error_response

        return error_response(request, 503)
