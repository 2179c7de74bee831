from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationConfig(AppConfig):
    name = "gonghui.innovation"
    label = "innovation"
    verbose_name = _("建功立业")

    def ready(self) -> None:
        from gonghui.innovation.portal_entries import register

        register()
