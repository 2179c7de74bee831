from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "gonghui.reports"
    label = "reports"
    verbose_name = _("统计")

    def ready(self) -> None:
        from gonghui.reports import nav

        nav.register()
