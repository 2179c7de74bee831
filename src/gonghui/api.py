"""REST API under /api/v1/ (django-ninja). Routers live in each app's api.py."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.renderers import JSONRenderer

from gonghui.accounts.api_auth import API_AUTH
from gonghui.common.db_busy import is_busy
from gonghui.common.error_views import error_response
from gonghui.common.ratelimits import RateLimited


class ChineseJSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # Chinese text stays readable in responses


api = NinjaAPI(
    renderer=ChineseJSONRenderer(),
    title="Gonghui API",
    version="1",
    description="Gonghui (工会) smart trade-union platform. Every operation is limited to the caller's scope.",
    auth=API_AUTH,
    urls_namespace="api",
    docs_url="/docs",
)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    first = next(iter(errors.values()))[0]
    return api.create_response(request, {"detail": first, "errors": errors}, status=422)


@api.exception_handler(RateLimited)
def on_rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    return api.create_response(request, {"detail": exc.messages[0]}, status=429)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("未找到，或您无权查看。")}, status=404)


@api.exception_handler(PermissionDenied)
def on_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": _("您没有执行该操作的权限。")}, status=403)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"detail": _("请先登录，或提供有效的 API 令牌。")}, status=401)


@api.exception_handler(OperationalError)
def on_database_busy(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    if is_busy(exc):
        return error_response(request, 503)
    raise exc  # not a timeout: a real fault, left to Django's 500 (logged, JSON under /api/)


def _register() -> None:
    from gonghui.assistance.api import router as assistance_router
    from gonghui.campaigns.api import router as campaigns_router
    from gonghui.experts.api import router as experts_router
    from gonghui.innovation.api import router as innovation_router
    from gonghui.members.api import router as members_router
    from gonghui.orgs.api import router as orgs_router
    from gonghui.workbench.api import router as workbench_router

    api.add_router("/", workbench_router)
    api.add_router("/", orgs_router)
    api.add_router("/", members_router)
    api.add_router("/", assistance_router)
    api.add_router("/", campaigns_router)
    api.add_router("/", innovation_router)
    api.add_router("/", experts_router)


_register()
