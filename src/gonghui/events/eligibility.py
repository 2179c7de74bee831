"""Who may sign up for an event, and when: each refusal is a sentence the worker can act on."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gonghui.events.choices import EventStatus
from gonghui.events.models import Event, SocialProfile
from gonghui.members.choices import EmploymentForm, MembershipStatus, Sex
from gonghui.members.models import Membership, Person


def _at(moment: dt.datetime) -> str:
    return date_format(timezone.localtime(moment), "Y-m-d H:i")


def window_problem(event: Event, now: dt.datetime | None = None) -> str | None:
    """Why sign-up is closed now, or None while it is open."""
    now = now or timezone.now()
    if event.status != EventStatus.PUBLISHED:
        return _("活动未发布或已取消，不能报名。")
    if event.signup_opens_at and now < event.signup_opens_at:
        return _("报名尚未开始，%(at)s开始报名。") % {"at": _at(event.signup_opens_at)}
    closes = event.signup_closes_at or event.starts_at
    if now >= closes:
        return _("报名已截止（%(at)s）。") % {"at": _at(closes)}
    return None


def person_problem(event: Event, person: Person, membership: Membership | None) -> str | None:
    """Why this person may not sign up for the event, or None if they may."""
    audience = event.audience_org or event.org
    active = membership is not None and membership.status == MembershipStatus.ACTIVE
    if event.members_only and not active:
        return _("本活动仅限工会会员报名，请先入会。")
    if event.members_only and membership is not None and not membership.org.path.startswith(audience.path):
        return _("本活动面向%(org)s所属会员。") % {"org": audience.name}
    if event.employment_form and (membership is None or membership.employment_form != event.employment_form):
        return _("本活动仅限%(who)s报名。") % {"who": EmploymentForm(event.employment_form).label}
    if event.women_only and person.sex != Sex.FEMALE:
        return _("本活动仅限女职工报名。")
    if event.is_social and not SocialProfile.objects.filter(person=person, opted_in=True).exists():
        return _("交友联谊活动仅限填写交友资料并选择参加的单身职工，请先填写交友资料。")
    return None


def check_may_sign_up(event: Event, person: Person, membership: Membership | None) -> None:
    problem = window_problem(event) or person_problem(event, person, membership)
    if problem:
        raise ValidationError(problem)
