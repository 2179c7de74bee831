from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkbenchConfig(AppConfig):
    name = "gonghui.workbench"
    label = "workbench"
    verbose_name = _("工作台")

    def ready(self) -> None:
        from gonghui.workbench import nav

        nav.register()
