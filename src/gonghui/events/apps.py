from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "gonghui.events"
    label = "events"
    verbose_name = _("活动")

    def ready(self) -> None:
        from gonghui.events import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
