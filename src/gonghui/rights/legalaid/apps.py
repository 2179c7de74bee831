from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalAidConfig(AppConfig):
    name = "gonghui.rights.legalaid"
    label = "legalaid"
    verbose_name = _("法律援助")

    def ready(self) -> None:
        from gonghui.rights.legalaid import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
        from gonghui.rights.legalaid import jobs  # noqa: F401  (registers the export job)
