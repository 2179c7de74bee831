from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StationsConfig(AppConfig):
    name = "gonghui.stations"
    label = "stations"
    verbose_name = _("服务阵地")

    def ready(self) -> None:
        from gonghui.stations import figures, nav, portal_entries, trends

        nav.register()
        figures.register()
        trends.register()
        portal_entries.register()
