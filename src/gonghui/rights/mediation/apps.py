from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "gonghui.rights.mediation"
    label = "mediation"
    verbose_name = _("劳动争议调解")

    def ready(self) -> None:
        from gonghui.rights.mediation import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
