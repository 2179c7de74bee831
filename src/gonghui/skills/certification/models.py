"""技能等级认定: occupations (工种) shared by the skills apps, and (added by this app) pilot enterprises, their
licences, assessment batches, members' skill levels with history and pay-grade tables."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.choices import CertificateKind


class Occupation(models.Model):
    """An occupation (工种/职业) from the national classification (《中华人民共和国职业分类大典》), e.g.
    6-31-01-03 电工. Competitions, training courses and certifications name the trade they are for."""

    code = models.CharField(_("职业编码"), max_length=20, unique=True)
    name = models.CharField(_("职业（工种）"), max_length=50)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("职业（工种）")
        verbose_name_plural = _("职业（工种）")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Certificate(models.Model):
    """A certificate the skills apps issue (competition award, training completion, skill level), verified by
    anyone who scans its QR code: the number is its public address, with random characters no one can guess."""

    number = models.CharField(_("证书编号"), max_length=40, unique=True)
    kind = models.CharField(_("证书类型"), max_length=16, choices=CertificateKind.choices)
    person = models.ForeignKey(Person, verbose_name=_("持证人"), on_delete=models.PROTECT, related_name="+")
    org = models.ForeignKey(OrgNode, verbose_name=_("发证单位"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("证书内容"), max_length=120)  # 2026年柳市镇电工技能竞赛 一等奖
    detail = models.CharField(_("说明"), max_length=200, blank=True)  # 学时、等级、职业
    issued_on = models.DateField(_("发证日期"))
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    revoked_reason = models.CharField(_("撤销原因"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("证书")
        verbose_name_plural = _("证书")
        indexes = [models.Index(fields=["person", "kind"])]

    def __str__(self) -> str:
        return self.number
