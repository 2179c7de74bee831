from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "gonghui.skills.certification"
    label = "certification"
    verbose_name = _("技能等级认定")

    def ready(self) -> None:
        from gonghui.skills.certification import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
