from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "gonghui.reports"
    label = "reports"
    verbose_name = _("统计")

    def ready(self) -> None:
        from gonghui.common.demo_hooks import register_late_demo
        from gonghui.reports import nav
        from gonghui.reports.demo import load_demo_reports

        nav.register()
        register_late_demo("reports", load_demo_reports)
