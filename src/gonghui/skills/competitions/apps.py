from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetitionsConfig(AppConfig):
    name = "gonghui.skills.competitions"
    label = "competitions"
    verbose_name = _("劳动和技能竞赛")

    def ready(self) -> None:
        from gonghui.skills.competitions import figures, nav, portal_entries

        nav.register()
        figures.register()
        portal_entries.register()
