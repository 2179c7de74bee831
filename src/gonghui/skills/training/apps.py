from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "gonghui.skills.training"
    label = "training"
    verbose_name = _("职工培训")

    def ready(self) -> None:
        from gonghui.skills.training import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
