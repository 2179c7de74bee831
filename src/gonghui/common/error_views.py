"""Error answers in Chinese (English when the UI is English): JSON under /api/, pages elsewhere.

Pages for the worker's phone (/h5/) use the portal's frame, the others the workbench's with its
navigation; the 500 and 503 pages draw no navigation, so they render even when the database is away.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

TITLES: dict[int, Any] = {
    400: lambda: _("请求无效"),
    403: lambda: _("没有权限"),
    404: lambda: _("页面不存在"),
    500: lambda: _("服务器出错了"),
    503: lambda: _("系统繁忙"),
}
DETAILS: dict[int, Any] = {
    400: lambda: _("请求的内容无法识别，请返回后重试。"),
    403: lambda: _("您没有执行该操作的权限。如需办理，请联系上级工会为您分配相应角色。"),
    404: lambda: _("未找到，或您无权查看。"),
    500: lambda: _("服务器处理请求时出错，已记录。请稍后重试；如反复出现，请联系平台管理员。"),
    503: lambda: _("系统繁忙，有其他操作正在处理同一数据。请稍后重试。"),
}


def error_response(request: HttpRequest, status: int) -> HttpResponse:
    detail = DETAILS[status]()
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            {"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False}
        )
    else:
        frame = "portal" if request.path.startswith("/h5/") else "workbench"
        if status >= 500:
            frame = "plain"  # no navigation: it reads the database, which may be the trouble
        context = {"status": status, "title": TITLES[status](), "detail": detail, "frame": frame}
        template = f"errors/{frame}.html"
        response = HttpResponse(render_to_string(template, context, request=request), status=status)
    if status == 503:
        response["Retry-After"] = "5"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return error_response(request, 500)
