"""技能等级认定: occupations (工种) shared by the skills apps, and (added by this app) pilot enterprises, their
licences, assessment batches, members' skill levels with history and pay-grade tables."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


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
