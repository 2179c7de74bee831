from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudyConfig(AppConfig):
    name = "gonghui.skills.study"
    label = "study"
    verbose_name = _("求学圆梦")

    def ready(self) -> None:
        from gonghui.skills.study import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
