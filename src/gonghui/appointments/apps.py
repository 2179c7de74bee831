from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "gonghui.appointments"
    label = "appointments"
    verbose_name = _("预约服务")

    def ready(self) -> None:
        from gonghui.appointments import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
