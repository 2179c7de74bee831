"""Beneficiary lists built by rule: "every outdoor worker in the county", "every 深度困难 household".

A rule is a query over members or hardship files in the campaign's subtree; the list is filled with one
INSERT … SELECT, so a city-wide rule over a million members does not travel through Python. Re-running
a rule adds only people not yet on the list.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Now
from django.utils.translation import gettext as _

from gonghui.assistance.choices import Category, Cause, FileStatus
from gonghui.assistance.models import HardshipFile, StudyAnnex
from gonghui.campaigns.choices import BeneficiarySource, TargetGroup
from gonghui.campaigns.list_hooks import campaign_list_changed
from gonghui.campaigns.models import Beneficiary, Campaign
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.members.choices import LIVE_STATUSES, NEW_EMPLOYMENT_FORMS, EmploymentForm
from gonghui.members.models import Membership
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

OUTDOOR_FORMS = (EmploymentForm.TRUCK_DRIVER, EmploymentForm.COURIER, EmploymentForm.DELIVERY)


def _members(campaign: Campaign) -> QuerySet[Membership]:
    return Membership.objects.filter(status__in=LIVE_STATUSES, org__path__startswith=campaign.org.path)


def _open_files(campaign: Campaign) -> QuerySet[HardshipFile]:
    return HardshipFile.objects.filter(status=FileStatus.OPEN, org__path__startswith=campaign.org.path)


def rule_queryset(campaign: Campaign, group: TargetGroup, *, category: str = "", employment_form: str = "") -> Any:
    """Rows with `person_id` and `org_id` for everyone `group` means in the campaign's subtree."""
    if group == TargetGroup.OUTDOOR:
        return _members(campaign).filter(employment_form__in=OUTDOOR_FORMS)
    if group == TargetGroup.NEW_FORMS:
        forms = [employment_form] if employment_form else list(NEW_EMPLOYMENT_FORMS)
        return _members(campaign).filter(employment_form__in=forms)
    if group == TargetGroup.MIGRANT:
        return _members(campaign).filter(person__is_migrant_worker=True)
    if group == TargetGroup.ALL_MEMBERS:
        members = _members(campaign)
        return members.filter(employment_form=employment_form) if employment_form else members
    if group == TargetGroup.PNEUMOCONIOSIS:
        cause = Cause.PNEUMOCONIOSIS
        return _open_files(campaign).filter(Q(main_cause=cause) | Q(other_causes__icontains=f'"{cause}"'))
    if group == TargetGroup.HARDSHIP:
        if category and category not in Category.values:
            raise ValidationError({"category": _("困难类别无效。")})
        files = _open_files(campaign)
        return files.filter(category=category) if category else files
    if group == TargetGroup.STUDENTS:
        return _open_files(campaign).filter(pk__in=StudyAnnex.objects.values("file_id"))
    raise ValidationError({"group": _("请选择慰问对象的条件。")})


@transaction.atomic
def beneficiaries_by_rule(
    *, actor: Any, campaign: Campaign, group: TargetGroup, category: str = "", employment_form: str = ""
) -> int:
    """Add everyone the rule selects; returns how many were new to the list."""
    require(actor, campaign.org, Perm.ASSISTANCE)
    source = rule_queryset(campaign, group, category=category, employment_form=employment_form)
    rows = (
        source.order_by()
        .annotate(
            b_campaign=Value(campaign.pk),
            b_person=F("person_id"),
            b_org=F("org_id"),
            b_source=Value(str(BeneficiarySource.RULE)),
            b_note=Value(str(TargetGroup(group).label)[:200]),
            b_created=Now(),
        )
        .values("b_campaign", "b_person", "b_org", "b_source", "b_note", "b_created")
    )
    select, params = rows.query.sql_with_params()
    table = Beneficiary._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (campaign_id, person_id, org_id, source, note, created_at) "
            f"{select} ON CONFLICT (campaign_id, person_id) DO NOTHING",
            params,
        )
        added = max(cursor.rowcount, 0)
    campaign_list_changed(campaign.pk)
    detail = {"rule": group, "added": added}
    audit_record(actor=actor, action=AuditAction.UPDATE, target=campaign, org=campaign.org, detail=detail)
    return added
