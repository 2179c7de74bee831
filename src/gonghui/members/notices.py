"""工会通知: a union posts a notice to its members, and withdraws it; a member reads their unions' notices.

A member's unions are the one they belong to (a live membership) and every union above it: a county's
notice reaches the members of every grassroots union under it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.textnorm import clean_text
from gonghui.members.choices import LIVE_STATUSES
from gonghui.members.models import Membership, Notice, Person
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for


def notice_post(*, actor: Any, org: OrgNode, title: str, body: str) -> Notice:
    require(actor, org, Perm.ORG_EDIT)
    errors = {}
    if not clean_text(title):
        errors["title"] = _("请填写标题。")
    if len(body.strip()) < 5:
        errors["body"] = _("请填写通知内容（至少 5 个字）。")
    if errors:
        raise ValidationError(errors)
    return Notice.objects.create(org=org, title=clean_text(title), body=body.strip(), published_by=actor)


def notice_withdraw(*, actor: Any, notice: Notice) -> None:
    require(actor, notice.org, Perm.ORG_EDIT)
    if not Notice.objects.filter(pk=notice.pk, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now()):
        raise ValidationError(_("该通知已撤回。"))


def notices_for(user: Any) -> QuerySet[Notice]:
    """The notices of the unions the user may see, newest first (withdrawn ones too, marked)."""
    return scope_for(user).filter(Notice.objects.select_related("org")).order_by("-published_at", "-id")


def notices_of(person: Person, *, limit: int = 10) -> list[Notice]:
    """The live notices of the person's unions and every union above them, newest first."""
    return list(_reaching(person).order_by("-published_at", "-id")[:limit])


def notice_of(person: Person, pk: int) -> Notice | None:
    return _reaching(person).filter(pk=pk).first()


def _reaching(person: Person) -> QuerySet[Notice]:
    lives = Membership.objects.filter(person=person, status__in=LIVE_STATUSES).values_list("org__path", flat=True)
    paths = {up for path in lives for up in paths_up(path)}
    return Notice.objects.filter(org__path__in=paths, withdrawn_at__isnull=True).select_related("org")
