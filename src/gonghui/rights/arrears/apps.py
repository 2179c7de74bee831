from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArrearsConfig(AppConfig):
    name = "gonghui.rights.arrears"
    label = "arrears"
    verbose_name = _("欠薪治理")

    def ready(self) -> None:
        from gonghui.rights.arrears import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
