from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "gonghui.skills.mentoring"
    label = "mentoring"
    verbose_name = _("名师带徒")

    def ready(self) -> None:
        from gonghui.skills.mentoring import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
