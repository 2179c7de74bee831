from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WishesConfig(AppConfig):
    name = "gonghui.wishes"
    label = "wishes"
    verbose_name = _("微心愿")

    def ready(self) -> None:
        from gonghui.wishes import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
