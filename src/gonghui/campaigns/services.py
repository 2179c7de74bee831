"""Campaign writes: create a campaign, and add the people it means to reach."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.campaigns.choices import BeneficiarySource, CampaignKind
from gonghui.campaigns.list_hooks import campaign_list_changed
from gonghui.campaigns.models import Beneficiary, Campaign, JobFair
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.members.choices import LIVE_STATUSES
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require


@transaction.atomic
def campaign_create(
    *,
    actor: Any,
    org: OrgNode,
    name: str,
    kind: str,
    year: int,
    starts_on: dt.date,
    ends_on: dt.date,
    budget: Decimal = Decimal(0),
    target_group: str = "",
    reported_total: Decimal | None = None,
    description: str = "",
    standards: dict[str, Decimal] | None = None,
) -> Campaign:
    """Those who run assistance in the org (ASSISTANCE: 帮扶专员, 管理员) start campaigns."""
    require(actor, org, Perm.ASSISTANCE)
    if not name.strip():
        raise ValidationError({"name": _("请填写活动名称。")})
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("结束日期不能早于开始日期。")})
    if budget < 0:
        raise ValidationError({"budget": _("预算不能为负数。")})
    kept = {str(getattr(kind, "value", kind)): value for kind, value in (standards or {}).items() if value is not None}
    if any(value <= 0 for value in kept.values()):
        raise ValidationError({"standards": _("发放标准须大于 0；不设标准请留空。")})
    campaign = Campaign.objects.create(
        org=org,
        name=name.strip(),
        kind=kind,
        year=year,
        starts_on=starts_on,
        ends_on=ends_on,
        budget=budget,
        target_group=target_group,
        reported_total=reported_total,
        description=description,
        standards={kind: str(value) for kind, value in kept.items()},
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=campaign, org=org)
    return campaign


@transaction.atomic
def beneficiaries_add(
    *, actor: Any, campaign: Campaign, people: list[Person], source: BeneficiarySource = BeneficiarySource.HAND
) -> int:
    """Add people with a live membership in the campaign's subtree; returns how many were new to the list."""
    require(actor, campaign.org, Perm.ASSISTANCE)
    live = dict(
        Membership.objects.filter(
            person__in=people, status__in=LIVE_STATUSES, org__path__startswith=campaign.org.path
        ).values_list("person_id", "org_id")
    )
    outside = sum(1 for p in people if p.pk not in live)
    if outside:  # counted, not named: a name would tell who is on record elsewhere
        raise ValidationError(_("有 %(n)d 人不是本活动范围内的会员。") % {"n": outside})
    rows = [Beneficiary(campaign=campaign, person_id=pk, org_id=org_id, source=source) for pk, org_id in live.items()]
    before = Beneficiary.objects.filter(campaign=campaign).count()
    Beneficiary.objects.bulk_create(rows, ignore_conflicts=True)
    campaign_list_changed(campaign.pk)
    return Beneficiary.objects.filter(campaign=campaign).count() - before


@transaction.atomic
def job_fair_record(
    *,
    actor: Any,
    campaign: Campaign,
    held_on: dt.date,
    place: str,
    employers: int = 0,
    jobs_offered: int = 0,
    visitors: int = 0,
    offers_made: int = 0,
) -> JobFair:
    """春送岗位: a job fair held in the campaign, with what it offered and achieved."""
    require(actor, campaign.org, Perm.ASSISTANCE)
    if campaign.kind != CampaignKind.SPRING_JOBS:
        raise ValidationError(_("只有春送岗位活动登记招聘会。"), code="kind")
    if not place.strip():
        raise ValidationError({"place": _("请填写举办地点。")})
    if offers_made > visitors:
        raise ValidationError({"offers_made": _("达成意向数不能多于入场人数。")})
    fair = JobFair.objects.create(
        campaign=campaign,
        held_on=held_on,
        place=place.strip(),
        employers=employers,
        jobs_offered=jobs_offered,
        visitors=visitors,
        offers_made=offers_made,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=fair, org=campaign.org)
    return fair
