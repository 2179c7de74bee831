from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "gonghui.ledger"
    label = "ledger"
    verbose_name = _("发放台账")

    def ready(self) -> None:
        from gonghui.ledger import figures, nav

        nav.register()
        figures.register()
        from gonghui.campaigns.list_hooks import LIST_CHANGED
        from gonghui.campaigns.spending import overspent_filter_set
        from gonghui.ledger import jobs  # noqa: F401  (registers job handlers)
        from gonghui.ledger.selectors import overspent_among
        from gonghui.ledger.tallies import list_changed

        LIST_CHANGED.append(list_changed)
        overspent_filter_set(overspent_among)
