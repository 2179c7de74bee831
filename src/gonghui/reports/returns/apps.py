from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturnsConfig(AppConfig):
    name = "gonghui.reports.returns"
    label = "returns"
    verbose_name = _("统计报表")

    def ready(self) -> None:
        from gonghui.reports.returns import nav

        nav.register()
