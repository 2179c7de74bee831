from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "gonghui.rights.contracts"
    label = "contracts"
    verbose_name = _("集体合同")

    def ready(self) -> None:
        from gonghui.rights.contracts import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
