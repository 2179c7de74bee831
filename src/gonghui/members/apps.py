from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "gonghui.members"
    label = "members"
    verbose_name = _("会员")

    def ready(self) -> None:
        from gonghui.members import figures, nav

        nav.register()
        figures.register()
        from gonghui.members import jobs  # noqa: F401  (registers job handlers)
        from gonghui.members.importer import jobs as import_jobs  # noqa: F401
        from gonghui.members.portal_entries import register

        register()
