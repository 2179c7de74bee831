from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from gonghui.api import api
from gonghui.common.access import public_view
from gonghui.common.views import healthz


def _superuser_only(request: object) -> bool:
    # The Django admin is for platform operators; union staff work in the scoped workbench.
    user = getattr(request, "user", None)
    return bool(user and user.is_active and user.is_superuser)


admin.site.has_permission = _superuser_only  # type: ignore[method-assign]
admin.site.site_header = "Gonghui 工会平台 · 系统管理"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", public_view(set_language), name="set_language"),
    path("accounts/", include("gonghui.accounts.urls")),
    path("api/v1/", api.urls),
    path("h5/", include("gonghui.portal.urls")),
    path("h5/", include("gonghui.members.urls_h5")),
    path("h5/", include("gonghui.assistance.urls_h5")),
    path("h5/", include("gonghui.innovation.urls_h5")),
    path("h5/", include("gonghui.experts.urls_h5")),
    path("h5/", include("gonghui.stations.urls_h5")),
    path("h5/", include("gonghui.events.urls_h5")),
    path("h5/", include("gonghui.benefits.urls_h5")),
    path("h5/", include("gonghui.wishes.urls_h5")),
    path("h5/", include("gonghui.appointments.urls_h5")),
    path("h5/", include("gonghui.skills.certification.urls_h5")),
    path("h5/", include("gonghui.skills.competitions.urls_h5")),
    path("h5/", include("gonghui.skills.training.urls_h5")),
    path("h5/", include("gonghui.skills.study.urls_h5")),
    path("h5/", include("gonghui.skills.mentoring.urls_h5")),
    path("h5/", include("gonghui.rights.democracy.urls_h5")),
    path("h5/", include("gonghui.rights.contracts.urls_h5")),
    path("h5/", include("gonghui.rights.legalaid.urls_h5")),
    path("h5/", include("gonghui.rights.mediation.urls_h5")),
    path("h5/", include("gonghui.rights.arrears.urls_h5")),
    path("h5/", include("gonghui.rights.earlywarning.urls_h5")),
    path("admin/", admin.site.urls),
    path("", include("gonghui.workbench.urls")),
    path("", include("gonghui.orgs.urls")),
    path("", include("gonghui.members.urls")),
    path("", include("gonghui.assistance.urls")),
    path("", include("gonghui.campaigns.urls")),
    path("", include("gonghui.ledger.urls")),
    path("", include("gonghui.innovation.urls")),
    path("", include("gonghui.experts.urls")),
    path("", include("gonghui.stations.urls")),
    path("", include("gonghui.events.urls")),
    path("", include("gonghui.benefits.urls")),
    path("", include("gonghui.wishes.urls")),
    path("", include("gonghui.appointments.urls")),
    path("", include("gonghui.skills.certification.urls")),
    path("", include("gonghui.skills.competitions.urls")),
    path("", include("gonghui.skills.training.urls")),
    path("", include("gonghui.skills.study.urls")),
    path("", include("gonghui.skills.mentoring.urls")),
    path("", include("gonghui.rights.democracy.urls")),
    path("", include("gonghui.rights.contracts.urls")),
    path("", include("gonghui.rights.legalaid.urls")),
    path("", include("gonghui.rights.mediation.urls")),
    path("", include("gonghui.rights.arrears.urls")),
    path("", include("gonghui.rights.earlywarning.urls")),
    path("", include("gonghui.reports.urls")),
    path("", include("gonghui.reports.returns.urls")),
    path("", include("gonghui.reports.workreport.urls")),
]

handler400 = "gonghui.common.error_views.bad_request"
handler403 = "gonghui.common.error_views.permission_denied"
handler404 = "gonghui.common.error_views.page_not_found"
handler500 = "gonghui.common.error_views.server_error"
