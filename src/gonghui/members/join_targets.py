"""Join targets (入会目标): progress, funnel, and breakdowns per child union and per village ledger.

A target counts every membership in the node's subtree that fits its group
(employment form, platform) and period, whichever way the person joined; the
scan count of the target's own QR link is the top of the funnel.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.textnorm import clean_text
from gonghui.members.choices import EmploymentForm
from gonghui.members.models import JoinTarget, Membership
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

JOINED = Q(joined_on__isnull=False)


def join_target_memberships(join_target: JoinTarget) -> QuerySet[Membership]:
    """What counts towards a target: every application through its own link, and every other one in the
    node's subtree that fits its group (employment form, platform) and period, however the person joined."""
    group = Q(org__in=OrgNode.objects.filter(path__startswith=join_target.org.path).values("pk"))
    if join_target.employment_form:
        group &= Q(employment_form=join_target.employment_form)
    if join_target.platform:
        group &= Q(platform=join_target.platform)
    start = join_target.starts_on or dt.date(join_target.year, 1, 1)
    end = join_target.ends_on or dt.date(join_target.year, 12, 31)
    tz = timezone.get_current_timezone()
    group &= Q(
        applied_at__gte=dt.datetime.combine(start, dt.time.min, tz),
        applied_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tz),
    )
    return Membership.objects.filter(Q(join_target=join_target) | group)


@dataclass
class Line:
    label: str
    submitted: int = 0
    joined: int = 0
    code: str = ""


@dataclass
class JoinTargetProgress:
    join_target: JoinTarget
    scans: int
    submitted: int
    joined: int
    via_link: int  # of `submitted`, those that came through the target's own link or QR code
    by_child: list[Line] = field(default_factory=list)
    by_village: list[Line] = field(default_factory=list)

    @property
    def percent(self) -> float:
        """Share of the target reached, one decimal (1 of 500 is 0.2%, not 0%)."""
        return min(100.0, round(self.joined * 100 / self.join_target.target, 1)) if self.join_target.target else 0.0


def join_target_progress(join_target: JoinTarget) -> JoinTargetProgress:
    qs = join_target_memberships(join_target)
    totals = qs.aggregate(
        submitted=Count("id"),
        joined=Count("id", filter=JOINED),
        via_link=Count("id", filter=Q(join_target=join_target)),
    )
    return JoinTargetProgress(
        join_target=join_target,
        scans=join_target.scans,
        submitted=totals["submitted"],
        joined=totals["joined"],
        via_link=totals["via_link"],
        by_child=_by_child(join_target, qs),
        by_village=[
            Line(label=row["person__village"] or _("（未填写）"), submitted=row["n"], joined=row["j"])
            for row in qs.order_by()
            .values("person__village")
            .annotate(n=Count("id"), j=Count("id", filter=JOINED))
            .order_by("-j", "person__village")
        ],
    )


def _by_child(join_target: JoinTarget, qs: QuerySet[Membership]) -> list[Line]:
    """Roll counts per org up to the target node's direct children (the node itself is its own line)."""
    root = join_target.org
    children = list(OrgNode.objects.filter(path__startswith=root.path, depth=root.depth + 1).order_by("name"))
    lines = {c.path: Line(label=c.name, code=c.code) for c in children}
    own = Line(label=_("%(name)s（本级）") % {"name": root.name}, code=root.code)
    prefix_len = len(root.path) + root.steplen
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in qs.order_by().values("org__path").annotate(n=Count("id"), j=Count("id", filter=JOINED)):
        counts[row["org__path"][:prefix_len]][0] += row["n"]
        counts[row["org__path"][:prefix_len]][1] += row["j"]
    for key, (submitted, joined) in counts.items():
        line = lines.get(key, own)
        line.submitted += submitted
        line.joined += joined
    return ([own] if own.submitted else []) + list(lines.values())


@transaction.atomic
def join_target_create(
    *,
    actor: Any,
    org: OrgNode,
    name: str,
    code: str,
    year: int,
    target: int,
    employment_form: str = "",
    platform: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> JoinTarget:
    require(actor, org, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    code = clean_text(code).lower()
    if not clean_text(name):
        errors["name"] = _("请填写名称。")
    if JoinTarget.objects.filter(code=code).exists():
        errors["code"] = _("该编码已被使用。")
    if target <= 0:
        errors["target"] = _("目标人数应大于 0。")
    if employment_form and employment_form not in EmploymentForm.values:
        errors["employment_form"] = _("用工形式无效。")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("结束日期不能早于开始日期。")
    if errors:
        raise ValidationError(errors)
    return JoinTarget.objects.create(
        org=org,
        name=clean_text(name),
        code=code,
        year=year,
        target=target,
        employment_form=employment_form,
        platform=clean_text(platform),
        starts_on=starts_on,
        ends_on=ends_on,
    )
