"""The aid payouts ledger (发放台账): every union payout, and the running sums a campaign's page reads."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.assistance.models import HardshipFile
from gonghui.campaigns.models import Campaign
from gonghui.common.money import money
from gonghui.ledger.choices import PayoutStatus
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode


class Payout(models.Model):
    """One payment or gift. A maker enters it; a different checker approves it; then it counts."""

    org = models.ForeignKey(OrgNode, verbose_name=_("发放工会"), on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        Person, verbose_name=_("受助职工"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    file = models.ForeignKey(
        HardshipFile,
        verbose_name=_("困难档案"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payouts",
    )
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("受助企业"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("活动"), on_delete=models.PROTECT, null=True, blank=True, related_name="payouts"
    )
    kind = models.CharField(_("类别"), max_length=12, choices=PayoutKind.choices)
    amount = money(_("金额（元）"), default=0)
    goods = models.CharField(_("物资"), max_length=100, blank=True)
    goods_value = money(_("物资折价（元）"), default=0)
    fund = models.CharField(_("资金来源"), max_length=16, choices=FundSource.choices)
    paid_on = models.DateField(_("发放日期"))
    reference = models.CharField(_("支付凭证号"), max_length=50, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=PayoutStatus.choices, default=PayoutStatus.PENDING)
    maker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT, related_name="+"
    )
    checker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    override_reason = models.CharField(_("重复发放理由"), max_length=200, blank=True)
    reject_reason = models.CharField(_("退回理由"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("帮扶发放")
        verbose_name_plural = _("帮扶发放")
        ordering = ["-paid_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(enterprise__isnull=False), name="assistance_payout_has_recipient"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0) & Q(goods_value__gte=0) & (Q(amount__gt=0) | Q(goods_value__gt=0)),
                name="assistance_payout_positive",
            ),
            models.CheckConstraint(
                condition=Q(checker__isnull=True) | ~Q(checker=F("maker")), name="assistance_maker_is_not_checker"
            ),
            # The double-payout guard: one approved payout of a kind per person (or enterprise) per campaign,
            # unless approved as an override with a reason. Holds under concurrent approval.
            models.UniqueConstraint(
                fields=["campaign", "person", "kind"],
                condition=Q(status=PayoutStatus.APPROVED, override_reason=""),
                name="assistance_one_payout_per_person",
            ),
            models.UniqueConstraint(
                fields=["campaign", "enterprise", "kind"],
                condition=Q(status=PayoutStatus.APPROVED, override_reason="", person__isnull=True),
                name="assistance_one_payout_per_enterprise",
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "status"], name="assistance_payout_campaign"),
            models.Index(fields=["org", "status"], name="assistance_payout_org"),
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []  # what the entry service wants the maker told (not stored)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"

    @property
    def value(self) -> Decimal:
        return self.amount + self.goods_value


class Tally(models.Model):
    """Running sums of a campaign's approved payouts and of its list, per union: what coverage figures read.

    Kept up to date in the transaction that approves payouts or changes the list (`ledger.tallies`),
    so no page scans the ledger. A row with a kind and fund holds money, and the people and enterprises
    its payouts reached first in the campaign; the union's row with neither holds its list count.
    """

    # Derived from the ledger (rebuildable), so its keys carry no index or foreign-key check of their
    # own: an approval adds thousands of rows, and PostgreSQL checks deferred keys row by row at commit.
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    org = models.ForeignKey(OrgNode, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False)
    kind = models.CharField(max_length=12, blank=True)
    fund = models.CharField(max_length=16, blank=True)
    payouts = models.PositiveIntegerField(default=0)
    money = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    goods = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    people = models.PositiveIntegerField(default=0)
    enterprises = models.PositiveIntegerField(default=0)
    listed = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "org", "kind", "fund"], name="campaigns_one_tally_row"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.org_id}/{self.kind}/{self.fund}"


class Reach(models.Model):
    """Each person (or enterprise, for company aid) a campaign reached, once: the first payout that did.

    The unique rows make "people reached" an exact count of distinct people that can be summed over
    unions: a person paid by two unions counts where they were first reached.
    """

    # Derived like `Tally`: no index or foreign-key check beyond the unique keys, which lead with the campaign.
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    org = models.ForeignKey(OrgNode, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False)
    person = models.ForeignKey(
        Person, on_delete=models.DO_NOTHING, null=True, related_name="+", db_index=False, db_constraint=False
    )
    enterprise = models.ForeignKey(
        "orgs.Enterprise", on_delete=models.DO_NOTHING, null=True, related_name="+", db_index=False, db_constraint=False
    )
    payout = models.OneToOneField(Payout, on_delete=models.DO_NOTHING, related_name="reached", db_constraint=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "person"], name="campaigns_person_reached_once"),
            models.UniqueConstraint(fields=["campaign", "enterprise"], name="campaigns_enterprise_reached_once"),
            models.CheckConstraint(
                condition=Q(person__isnull=False, enterprise__isnull=True)
                | Q(person__isnull=True, enterprise__isnull=False),
                name="campaigns_reach_one_recipient",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.person_id or self.enterprise_id}"
