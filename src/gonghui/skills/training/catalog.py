"""Writes of 职工培训's catalogue: training bases and teaching points, and courses."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.certification.models import Occupation
from gonghui.skills.training.choices import BaseKind
from gonghui.skills.training.models import Course, TrainingBase
from gonghui.stations.models import Station

MAX_COURSE_HOURS = Decimal(2000)


@dataclass
class BaseFields:
    kind: str
    name: str
    station: Station | None = None
    enterprise: Enterprise | None = None
    address: str = ""  # empty: the station's or the enterprise's address


@transaction.atomic
def base_create(*, actor: User, org: OrgNode, data: BaseFields) -> TrainingBase:
    """Register a base or teaching point: one of the union's stations, or an enterprise under it."""
    require(actor, org, Perm.ORG_EDIT)
    name = clean_text(data.name)[:100]
    errors: dict[str, str] = {}
    if data.kind not in BaseKind.values:
        errors["kind"] = _("类型无效。")
    if not name:
        errors["name"] = _("请填写基地或教学点名称。")
    if (data.station is None) == (data.enterprise is None):
        errors["station"] = _("请选择一个服务阵地，或填写一家企业（二者选一）。")
    elif data.station is not None and not data.station.org.path.startswith(org.path):
        errors["station"] = _("服务阵地须属本会或下级工会。")
    elif data.enterprise is not None and not data.enterprise.union.path.startswith(org.path):
        errors["enterprise"] = _("企业须在本会或下级工会的管理范围内。")
    if errors:
        raise ValidationError(errors)
    host = data.station or data.enterprise
    address = clean_text(data.address)[:200] or getattr(host, "address", "") or getattr(host, "name", "")
    try:
        with transaction.atomic():
            base = TrainingBase.objects.create(
                org=org,
                kind=data.kind,
                name=name,
                station=data.station,
                enterprise=data.enterprise,
                address=address,
                created_by=actor,
            )
    except IntegrityError as exc:
        raise ValidationError({"name": _("本会已有同名的基地或教学点。")}) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, target=base, org=org, detail={"name": name})
    return base


@dataclass
class CourseFields:
    title: str
    hours: Decimal
    occupation: Occupation | None = None
    outline: str = ""


@transaction.atomic
def course_create(*, actor: User, org: OrgNode, data: CourseFields) -> Course:
    require(actor, org, Perm.ORG_EDIT)
    title = clean_text(data.title)[:100]
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("请填写课程名称。")
    if not Decimal(0) < data.hours <= MAX_COURSE_HOURS:
        errors["hours"] = _("课程学时须大于0且不超过%(max)s。") % {"max": MAX_COURSE_HOURS}
    if len(data.outline) > 4000:
        errors["outline"] = _("课程大纲不超过4000字。")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            course = Course.objects.create(
                org=org,
                title=title,
                hours=data.hours,
                occupation=data.occupation,
                outline=data.outline.strip(),
                created_by=actor,
            )
    except IntegrityError as exc:
        raise ValidationError({"title": _("本会已有同名课程。")}) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, target=course, org=org, detail={"title": title})
    return course
