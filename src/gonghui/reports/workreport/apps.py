from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkReportConfig(AppConfig):
    name = "gonghui.reports.workreport"
    label = "workreport"
    verbose_name = _("工作报告")

    def ready(self) -> None:
        from gonghui.reports.workreport import nav

        nav.register()
