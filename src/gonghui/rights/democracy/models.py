"""职代会 and 厂务公开: an enterprise's 职工代表大会 sessions (届/次), the representatives of each 届 (a
representative is a membership of the enterprise's union), the session's proposals (提案) and resolutions
(决议) with their follow-up, and the enterprise's 厂务公开 items.

An enterprise's records are reached through its union (`Enterprise.union`): the scope is the union's.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.members.models import Membership
from gonghui.orgs.models import Enterprise
from gonghui.rights.democracy.choices import (
    CongressProposalStatus,
    DisclosureChannel,
    DisclosureTopic,
    ResolutionSubject,
)


class Representative(models.Model):
    """职工代表 of one 届 of an enterprise's 职代会. The categories are the cadre's, proposed from the
    member's record (sex, skill level, the enterprise's industry) when the representative is added."""

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+")
    term = models.PositiveSmallIntegerField(_("届次"))
    membership = models.ForeignKey(Membership, verbose_name=_("会员"), on_delete=models.PROTECT, related_name="+")
    frontline = models.BooleanField(_("一线职工"), default=False)
    industrial = models.BooleanField(_("产业工人"), default=False)
    technician = models.BooleanField(_("专业技术人员"), default=False)
    manager = models.BooleanField(_("企业管理人员"), default=False)
    woman = models.BooleanField(_("女职工"), default=False)
    elected_on = models.DateField(_("当选日期"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("职工代表")
        verbose_name_plural = _("职工代表")
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "term", "membership"], name="democracy_rep_once_per_term"),
            models.CheckConstraint(condition=Q(term__gte=1), name="democracy_rep_term_positive"),
            # A manager is not a front-line worker (the share of front-line workers would count them twice).
            models.CheckConstraint(
                condition=~Q(frontline=True, manager=True), name="democracy_rep_manager_not_frontline"
            ),
        ]
        indexes = [models.Index(fields=["enterprise", "term"])]

    def __str__(self) -> str:
        return str(self.membership.person)


class Session(models.Model):
    """One meeting (第N届第M次) of an enterprise's 职工代表大会. `seats` is the number of representatives of
    its 届 when it was recorded: the quorum (two thirds present) and a resolution's majority (more than half
    of all representatives) are reckoned against it."""

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+")
    term = models.PositiveSmallIntegerField(_("届次"))
    number = models.PositiveSmallIntegerField(_("会次"))
    held_on = models.DateField(_("召开日期"))
    seats = models.PositiveSmallIntegerField(_("应到代表"))
    attended = models.PositiveSmallIntegerField(_("实到代表"))
    agenda = models.TextField(_("主要议程"), max_length=1000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("职代会会议")
        verbose_name_plural = _("职代会会议")
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "term", "number"], name="democracy_session_unique"),
            models.CheckConstraint(condition=Q(term__gte=1, number__gte=1), name="democracy_session_numbers"),
            models.CheckConstraint(condition=Q(attended__lte=F("seats")), name="democracy_session_attended_le_seats"),
        ]
        indexes = [models.Index(fields=["enterprise", "held_on"])]

    def __str__(self) -> str:
        return _("第%(t)s届职代会第%(n)s次会议") % {"t": self.term, "n": self.number}

    @property
    def quorate(self) -> bool:
        """须有全体职工代表的三分之二以上出席."""
        return self.seats > 0 and self.attended * 3 >= self.seats * 2


class FollowUp(models.Model):
    """What a proposal or a resolution asks for is followed up: by whom, by when, done when."""

    owner = models.CharField(_("承办部门"), max_length=100, blank=True)
    due_on = models.DateField(_("办理期限"), null=True, blank=True)
    done_on = models.DateField(_("办结日期"), null=True, blank=True)
    outcome = models.CharField(_("办理结果"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Proposal(FollowUp):
    """职工代表提案."""

    session = models.ForeignKey(Session, verbose_name=_("会议"), on_delete=models.PROTECT, related_name="proposals")
    title = models.CharField(_("提案"), max_length=100)
    by = models.ForeignKey(
        Representative,
        verbose_name=_("提案人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=CongressProposalStatus.choices, default=CongressProposalStatus.OPEN
    )

    class Meta:
        verbose_name = _("提案")
        verbose_name_plural = _("提案")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=CongressProposalStatus.DONE, done_on__isnull=False)
                | (~Q(status=CongressProposalStatus.DONE) & Q(done_on__isnull=True)),
                name="democracy_proposal_done_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Resolution(FollowUp):
    """决议: what the session adopted (or did not), with the vote. Adopted means more than half of all the
    届's representatives voted for it at a quorate session."""

    session = models.ForeignKey(Session, verbose_name=_("会议"), on_delete=models.PROTECT, related_name="resolutions")
    subject = models.CharField(_("事项"), max_length=10, choices=ResolutionSubject.choices)
    title = models.CharField(_("决议"), max_length=100)
    votes_for = models.PositiveSmallIntegerField(_("赞成"))
    votes_against = models.PositiveSmallIntegerField(_("反对"), default=0)
    votes_abstain = models.PositiveSmallIntegerField(_("弃权"), default=0)
    adopted = models.BooleanField(_("通过"))

    class Meta:
        verbose_name = _("决议")
        verbose_name_plural = _("决议")
        indexes = [models.Index(fields=["subject", "adopted"])]

    def __str__(self) -> str:
        return self.title


class Disclosure(models.Model):
    """厂务公开: what the enterprise disclosed to its workers, when and how."""

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+")
    topic = models.CharField(_("公开事项类别"), max_length=12, choices=DisclosureTopic.choices)
    title = models.CharField(_("公开内容"), max_length=200)
    disclosed_on = models.DateField(_("公开日期"))
    channel = models.CharField(_("公开形式"), max_length=10, choices=DisclosureChannel.choices)
    session = models.ForeignKey(
        Session, verbose_name=_("职代会会议"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("厂务公开")
        verbose_name_plural = _("厂务公开")
        constraints = [
            # Disclosed at a session: the channel says so, and the other way round.
            models.CheckConstraint(
                condition=Q(channel=DisclosureChannel.CONGRESS, session__isnull=False)
                | ~Q(channel=DisclosureChannel.CONGRESS),
                name="democracy_disclosure_congress_session",
            ),
        ]
        indexes = [models.Index(fields=["enterprise", "disclosed_on"])]

    def __str__(self) -> str:
        return self.title
