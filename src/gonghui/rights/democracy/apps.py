from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemocracyConfig(AppConfig):
    name = "gonghui.rights.democracy"
    label = "democracy"
    verbose_name = _("职代会和厂务公开")

    def ready(self) -> None:
        from gonghui.rights.democracy import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
