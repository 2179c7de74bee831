"""Entries: an individual or a team entered by its grassroots union, under the union's quota.

A union's quota is a counter row (`Quota.used`) that only a conditional UPDATE moves, under a CHECK
`used <= places`: concurrent entries can never exceed it. A person is in at most one entry of a competition
(a unique index on EntryMember).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.events.models import SignUp, Team
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.skills.competitions.choices import EntryStatus
from gonghui.skills.competitions.models.competitions import Competition


class Quota(models.Model):
    """A grassroots union's places in a competition; `places` null means no limit."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="quotas")
    org = models.ForeignKey(OrgNode, verbose_name=_("基层工会"), on_delete=models.PROTECT, related_name="+")
    places = models.PositiveSmallIntegerField(_("名额"), null=True, blank=True)
    used = models.PositiveSmallIntegerField(_("已用名额"), default=0)

    class Meta:
        verbose_name = _("名额")
        verbose_name_plural = _("名额")
        constraints = [
            models.UniqueConstraint(fields=["competition", "org"], name="competitions_quota_once"),
            models.CheckConstraint(
                condition=Q(places__isnull=True) | Q(used__lte=F("places")), name="competitions_quota_within"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.org_id}: {self.used}/{self.places}"


class Entry(models.Model):
    """One entry: a person or a team, numbered in the competition (the number blind judges see)."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="entries")
    number = models.PositiveIntegerField(_("参赛号"))
    org = models.ForeignKey(OrgNode, verbose_name=_("报名工会"), on_delete=models.PROTECT, related_name="+")
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("所在企业"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("参赛者"), max_length=100)  # the person's name, or the team's
    team = models.OneToOneField(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("状态"), max_length=10, choices=EntryStatus.choices, default=EntryStatus.ENTERED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("报名时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("参赛报名")
        verbose_name_plural = _("参赛报名")
        ordering = ["competition", "number"]
        constraints = [models.UniqueConstraint(fields=["competition", "number"], name="competitions_entry_number")]
        indexes = [models.Index(fields=["org", "competition"], name="competitions_entry_org")]

    def __str__(self) -> str:
        return f"{self.number:03d} {self.name}"

    @property
    def number_text(self) -> str:
        return f"{self.number:03d}"


class EntryMember(models.Model):
    """A person in an entry (the entrant, or a team member) with their sign-up in the competition's event.
    Rows of a withdrawn entry are deleted, so the person may be entered again."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, verbose_name=_("职工"), on_delete=models.PROTECT, related_name="+")
    signup = models.OneToOneField(SignUp, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("参赛人员")
        verbose_name_plural = _("参赛人员")
        constraints = [models.UniqueConstraint(fields=["competition", "person"], name="competitions_person_once")]
        indexes = [models.Index(fields=["person"], name="competitions_member_person")]

    def __str__(self) -> str:
        return f"{self.entry_id}:{self.person_id}"
