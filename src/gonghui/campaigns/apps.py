from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "gonghui.campaigns"
    label = "campaigns"
    verbose_name = _("普惠服务")

    def ready(self) -> None:
        from gonghui.campaigns import figures, nav

        nav.register()
        figures.register()
        from gonghui.campaigns import importer  # noqa: F401  (registers the import job)
