"""REST API under /api/v1/ (django-ninja). Routers live in each app's api.py."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.renderers import JSONRenderer

from gonghui.accounts.api_auth import API_AUTH
from gonghui.common.db_busy import is_busy
from gonghui.common.error_views import error_response
from gonghui.common.nul_guard import NulRejectingParser
from gonghui.common.ratelimits import RateLimited


class ChineseJSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # Chinese text stays readable in responses


# What every operation may answer besides its own responses, all in one shape (`Error`): the handlers
# below and ninja's own request validation (whose `detail` is a list of the fields that failed).
ERROR_RESPONSES = {
    400: "请求无法识别",
    401: "未登录或令牌无效",
    403: "没有权限",
    404: "未找到，或不在您的范围内",
    409: "与已有记录冲突",
    422: "输入有误（`detail` 为第一条原因，`errors` 按字段列出）",
    429: "提交过于频繁",
    503: "系统繁忙，请稍后重试",
}
ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "object"}}]},
        "errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    },
    "required": ["detail"],
}


class GonghuiAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: Any = None) -> Any:
        """ninja's schema, with the error answers every operation can give, so a client can rely on them."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema["components"].setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for methods in schema["paths"].values():
            for operation in methods.values():
                for status, text in ERROR_RESPONSES.items():
                    operation["responses"].setdefault(status, {"description": text, "content": error})
        return schema


api = GonghuiAPI(
    parser=NulRejectingParser(),
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


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    cause = exc.__cause__
    if isinstance(cause, HttpError):  # ninja wraps what the body parser raised (NulRejectingParser) in a 400
        exc = cause
    elif exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        return api.create_response(request, {"detail": _("请求内容无法解析，须为 UTF-8 编码的 JSON。")}, status=400)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(IntegrityError)
def on_conflict(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
    # A database guard refused a duplicate a concurrent request made first (services check what they can).
    return api.create_response(request, {"detail": _("与已有记录冲突（可能刚被他人处理），请刷新后重试。")}, status=409)


@api.exception_handler(OperationalError)
def on_database_busy(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    if is_busy(exc):
        return error_response(request, 503)
    raise exc  # not a timeout: a real fault, left to Django's 500 (logged, JSON under /api/)


def _register() -> None:
    from gonghui.appointments.api import router as appointments_router
    from gonghui.assistance.api import router as assistance_router
    from gonghui.benefits.api import router as benefits_router
    from gonghui.campaigns.api import router as campaigns_router
    from gonghui.events.api import router as events_router
    from gonghui.experts.api import router as experts_router
    from gonghui.innovation.api import router as innovation_router
    from gonghui.ledger.api import router as ledger_router
    from gonghui.members.api import router as members_router
    from gonghui.orgs.api import router as orgs_router
    from gonghui.orgs.staff_api import router as staff_router
    from gonghui.reports.api import router as reports_router
    from gonghui.reports.returns.api import router as returns_router
    from gonghui.reports.workreport.api import router as workreport_router
    from gonghui.rights.arrears.api import router as arrears_router
    from gonghui.rights.contracts.api import router as contracts_router
    from gonghui.rights.democracy.api import router as democracy_router
    from gonghui.rights.earlywarning.api import router as earlywarning_router
    from gonghui.rights.legalaid.api import router as legalaid_router
    from gonghui.rights.mediation.api import router as mediation_router
    from gonghui.skills.certification.api import router as certification_router
    from gonghui.skills.competitions.api import router as competitions_router
    from gonghui.skills.mentoring.api import router as mentoring_router
    from gonghui.skills.study.api import router as study_router
    from gonghui.skills.training.api import router as training_router
    from gonghui.stations.api import router as stations_router
    from gonghui.wishes.api import router as wishes_router
    from gonghui.workbench.api import router as workbench_router

    # Django tries URL patterns in order and, for each miss, lists what it tried: the operations that
    # scanners and tills call many times a second (the events door, a merchant's sales) are matched first.
    api.add_router("/", events_router)
    api.add_router("/", benefits_router)
    api.add_router("/", workbench_router)
    api.add_router("/", orgs_router)
    api.add_router("/", staff_router)
    api.add_router("/", members_router)
    api.add_router("/", assistance_router)
    api.add_router("/", campaigns_router)
    api.add_router("/", ledger_router)
    api.add_router("/", innovation_router)
    api.add_router("/", experts_router)
    api.add_router("/", stations_router)
    api.add_router("/", wishes_router)
    api.add_router("/", appointments_router)
    api.add_router("/", certification_router)
    api.add_router("/", competitions_router)
    api.add_router("/", training_router)
    api.add_router("/", study_router)
    api.add_router("/", mentoring_router)
    api.add_router("/", democracy_router)
    api.add_router("/", contracts_router)
    api.add_router("/", legalaid_router)
    api.add_router("/", mediation_router)
    api.add_router("/", arrears_router)
    api.add_router("/", earlywarning_router)
    api.add_router("/", reports_router)
    api.add_router("/", returns_router)
    api.add_router("/", workreport_router)


_register()
