from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EarlyWarningConfig(AppConfig):
    name = "gonghui.rights.earlywarning"
    label = "earlywarning"
    verbose_name = _("劳动关系预警")

    def ready(self) -> None:
        from gonghui.rights.earlywarning import figures, jobs, nav, portal_entries  # noqa: F401 - jobs registers

        nav.register()
        figures.register()
        portal_entries.register()
