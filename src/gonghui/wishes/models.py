"""微心愿: a worker's (or a hardship family's) small wish, vetted by the union, claimed by one donor.

The public wall shows `title` and `public_text` only; `text` (the worker's own words) and `private_note`
(the cadre's: the child's name, the school, where to deliver) are for the union and the poster.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.models import HardshipFile
from gonghui.common.money import money
from gonghui.common.uploads import GeneratedPath
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.wishes.choices import LIVE, LIVE_CLAIM, ClaimantKind, ClaimStatus, WishCategory, WishSource, WishStatus


class WishPolicy(models.Model):
    """A union's rules for the wishes under it: the value cap and the days a claimant has to deliver.

    A union without one follows its nearest ancestor's; with none on the way up, the platform default.
    """

    org = models.OneToOneField(OrgNode, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+")
    cap = money(_("心愿价值上限（元）"))
    claim_days = models.PositiveSmallIntegerField(_("认领后送达期限（天）"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("微心愿规则")
        verbose_name_plural = _("微心愿规则")
        constraints = [
            models.CheckConstraint(condition=Q(cap__gt=0), name="wishes_policy_cap_positive"),
            models.CheckConstraint(condition=Q(claim_days__gte=1), name="wishes_policy_days_positive"),
        ]

    def __str__(self) -> str:
        return str(self.org)


class Wish(models.Model):
    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    source = models.CharField(_("来源"), max_length=8, choices=WishSource.choices)
    # Whose wish it is: the worker who posted it, or the hardship household's head (may be empty for a
    # family wish a cadre posted without a file). This person confirms receipt in 我的.
    person = models.ForeignKey(
        Person, verbose_name=_("心愿人"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    hardship_file = models.ForeignKey(
        HardshipFile,
        verbose_name=_("困难职工档案"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    category = models.CharField(_("类别"), max_length=12, choices=WishCategory.choices)
    title = models.CharField(_("心愿"), max_length=50)
    text = models.TextField(_("心愿说明（原文）"), max_length=500)
    public_text = models.TextField(_("公开说明"), max_length=500, blank=True)
    private_note = models.TextField(_("工会备注（不公开）"), max_length=500, blank=True)
    value = money(_("预估价值（元）"))
    status = models.CharField(_("状态"), max_length=10, choices=WishStatus.choices, default=WishStatus.PENDING)
    reason = models.CharField(_("未通过原因"), max_length=200, blank=True)
    thanks = models.TextField(_("感谢留言"), max_length=300, blank=True)
    posted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vetted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    vetted_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    received_at = models.DateTimeField(_("确认收到时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("发布时间"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("微心愿")
        verbose_name_plural = _("微心愿")
        constraints = [
            models.CheckConstraint(condition=Q(value__gt=0), name="wishes_wish_value_positive"),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(source=WishSource.SELF, status__in=LIVE),
                name="wishes_one_live_own_wish",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "org"]),
            models.Index(fields=["org", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.title


class Claim(models.Model):
    """One donor's promise to make a wish come true, by a deadline. A lapsed or released claim stays as
    history; the database holds at most one live claim (认领中, 已送达, 已确认) per wish."""

    wish = models.ForeignKey(Wish, verbose_name=_("微心愿"), on_delete=models.PROTECT, related_name="claims")
    kind = models.CharField(_("认领人类型"), max_length=12, choices=ClaimantKind.choices)
    person = models.ForeignKey(
        Person, verbose_name=_("认领会员"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("认领企业"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    donor_name = models.CharField(_("认领人"), max_length=100)
    claimed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("状态"), max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.ACTIVE)
    due_at = models.DateTimeField(_("送达期限"))
    note = models.TextField(_("送达说明"), max_length=500, blank=True)
    photo = models.FileField(_("送达照片"), upload_to=GeneratedPath("wishes"), max_length=200, blank=True)
    photo_type = models.CharField(max_length=32, blank=True)
    fulfilled_at = models.DateTimeField(_("送达时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("认领时间"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("心愿认领")
        verbose_name_plural = _("心愿认领")
        constraints = [
            models.UniqueConstraint(fields=["wish"], condition=Q(status__in=LIVE_CLAIM), name="wishes_one_live_claim"),
        ]
        indexes = [models.Index(fields=["status", "due_at"])]

    def __str__(self) -> str:
        return self.donor_name
