from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "gonghui.experts"
    label = "experts"
    verbose_name = _("劳模工匠助企行")

    def ready(self) -> None:
        from gonghui.experts.portal_entries import register

        register()
