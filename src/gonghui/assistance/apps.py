from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    name = "gonghui.assistance"
    label = "assistance"
    verbose_name = _("帮扶救助")

    def ready(self) -> None:
        from gonghui.assistance import figures, nav

        nav.register()
        figures.register()
        from gonghui.assistance import jobs  # noqa: F401  (registers job handlers)
        from gonghui.assistance.portal_entries import register

        register()
