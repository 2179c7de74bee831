from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationConfig(AppConfig):
    name = "gonghui.innovation"
    label = "innovation"
    verbose_name = _("建功立业")

    def ready(self) -> None:
        from gonghui.innovation import nav

        nav.register()
        from gonghui.innovation import figures, portal_entries

        figures.register()
        portal_entries.register()
