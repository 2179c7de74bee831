from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "gonghui.benefits"
    label = "benefits"
    verbose_name = _("会员普惠")

    def ready(self) -> None:
        from gonghui.benefits import card_import, figures, map_layer, nav, portal_entries, trends  # noqa: F401 (card_import: its job)

        nav.register()
        figures.register()
        trends.register()
        portal_entries.register()
        map_layer.register()
