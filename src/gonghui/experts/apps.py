from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "gonghui.experts"
    label = "experts"
    verbose_name = _("劳模工匠助企行")

    def ready(self) -> None:
        from gonghui.experts import nav

        nav.register()
        from gonghui.experts import figures, portal_entries, trends

        figures.register()
        trends.register()
        portal_entries.register()
