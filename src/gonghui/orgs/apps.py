from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "gonghui.orgs"
    label = "orgs"
    verbose_name = _("组织建设")

    def ready(self) -> None:
        from gonghui.orgs import figures, nav

        nav.register()
        figures.register()
        from gonghui.orgs import jobs  # noqa: F401  (registers job handlers)
