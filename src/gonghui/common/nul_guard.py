"""NUL characters never reach a query: PostgreSQL refuses them in text, which would be a 500.

A request with one in its path, query string or form fields is answered 400 here; the API's JSON bodies
are checked by `NulRejectingParser` after parsing, so every string at any depth is covered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.parser import Parser

NUL = "\x00"


def has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(has_nul(k) or has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(has_nul(v) for v in value)
    return False


class NulGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        posted = request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data")
        # A multipart body under /api/ is left to ninja: reading request.POST here would consume the stream
        # that a JSON operation then reads (a 500), and the API's uploads carry their fields in the query.
        streamed = request.content_type == "multipart/form-data" and request.path.startswith("/api/")
        form = request.POST if request.method == "POST" and posted and not streamed else {}
        if NUL in request.path or has_nul(dict(request.GET.lists())) or has_nul(dict(getattr(form, "lists", dict)())):
            from gonghui.common.error_views import error_response

            return error_response(request, 400)
        return self.get_response(request)


class NulRejectingParser(Parser):
    """ninja's JSON parser, refusing a NUL anywhere in the body with the API's 422."""

    def parse_body(self, request: HttpRequest) -> Any:
        data = super().parse_body(request)
        if has_nul(data):  # ninja turns a parser's other errors into 400 "cannot parse"; this is a 422
            raise HttpError(422, _("输入含有不允许的控制字符（NUL）。"))
        return data
