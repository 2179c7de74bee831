"""Awards (prizes and titles, per person: each team member holds one) on public notice, objections raised
during the notice, and the certificate each confirmed award carries."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.common.masking import PIIKind
from gonghui.common.pii_fields import PIIField
from gonghui.innovation.models import HonorTitle, Nomination
from gonghui.members.models import Person
from gonghui.skills.certification.models import Certificate
from gonghui.skills.competitions.choices import AwardStatus, PrizeGrade
from gonghui.skills.competitions.models.competitions import Competition
from gonghui.skills.competitions.models.entries import Entry


class Award(models.Model):
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="awards")
    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="awards")
    person = models.ForeignKey(Person, verbose_name=_("获奖人"), on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveIntegerField(_("名次"))
    grade = models.CharField(_("奖项"), max_length=8, choices=PrizeGrade.choices)
    honor = models.ForeignKey(
        HonorTitle, verbose_name=_("称号"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("状态"), max_length=10, choices=AwardStatus.choices, default=AwardStatus.NOTICE)
    withdrawn_reason = models.CharField(_("撤销原因"), max_length=200, blank=True)
    certificate = models.OneToOneField(Certificate, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    nomination = models.ForeignKey(Nomination, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    awarded_on = models.DateField(_("授予日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("竞赛获奖")
        verbose_name_plural = _("竞赛获奖")
        ordering = ["competition", "rank", "id"]
        constraints = [models.UniqueConstraint(fields=["competition", "person"], name="competitions_award_once")]
        indexes = [models.Index(fields=["person"], name="competitions_award_person")]

    def __str__(self) -> str:
        return f"{self.competition_id} {self.get_grade_display()}"


class Objection(models.Model):
    """An objection raised during the results notice (公示), and how the organiser settled it."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="objections")
    entry = models.ForeignKey(Entry, verbose_name=_("参赛者"), on_delete=models.CASCADE, related_name="objections")
    text = models.TextField(_("异议内容"), max_length=1000)
    contact_name = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = PIIField(_("联系电话"), kind=PIIKind.MOBILE)
    upheld = models.BooleanField(_("异议成立"), null=True)
    resolution = models.CharField(_("处理意见"), max_length=500, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("公示异议")
        verbose_name_plural = _("公示异议")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.text[:20]}"
