from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class EventsConfig(AppConfig):
    name = "gonghui.events"
    label = "events"
    verbose_name = pgettext_lazy("event", "活动")

    def ready(self) -> None:
        from gonghui.events import figures, nav, portal_entries, trends

        nav.register()
        figures.register()
        trends.register()
        portal_entries.register()
