from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "gonghui.accounts"
    label = "accounts"
    verbose_name = _("账号")

    def ready(self) -> None:
        from gonghui.accounts.phone_codes import phone_codes_purge
        from gonghui.common.file_purge import register_purge

        register_purge(phone_codes_purge)
