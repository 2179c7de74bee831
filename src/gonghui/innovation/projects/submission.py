"""Submitting a 五小 project (a worker on a phone, or a cadre) and adding its evidence files."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.common.uploads import check_upload
from gonghui.innovation.models import InnovationCall, Project, ProjectAttachment, ProjectMember, ReviewStage
from gonghui.innovation.projects.review_chain import review_chain
from gonghui.innovation.projects.similarity import index_project
from gonghui.members.choices import LIVE_STATUSES
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

MAX_ATTACHMENTS = 10
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_TEAM = 10


@dataclass
class Submission:
    """What a submission says; `team` lists member names, the first is the leader unless `leader` says."""

    category: str
    title: str
    problem: str
    solution: str
    team: list[str]
    leader: int = 0
    benefit_yuan: Decimal = Decimal(0)
    benefit_method: str = ""
    benefit_evidence: str = ""
    pledge: bool = False
    enterprise: Enterprise | None = None
    people: dict[int, Person] = field(default_factory=dict)  # team index → person on record (the H5 submitter)


def _check(call: InnovationCall, org: OrgNode, s: Submission) -> list[str]:
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if call.notice_starts or call.published_at:
        errors["__all__"] = _("“%(call)s”已公示评审结果，不再受理申报。") % {"call": call.title}
    elif not call.opens_on <= today <= call.closes_on:
        errors["__all__"] = _("“%(call)s”的申报时间是 %(start)s 至 %(end)s，现在不能申报。") % {
            "call": call.title,
            "start": call.opens_on,
            "end": call.closes_on,
        }
    if not clean_text(s.title):
        errors["title"] = _("请填写项目名称。")
    if len(clean_text(s.problem)) < 10:
        errors["problem"] = _("请说明解决了什么问题（至少 10 个字）。")
    if len(clean_text(s.solution)) < 10:
        errors["solution"] = _("请说明创新内容和做法（至少 10 个字）。")
    team = [clean_text(name) for name in s.team if clean_text(name)]
    if not team:
        errors["team"] = _("请至少填写一名团队成员（负责人）。")
    elif len(team) > MAX_TEAM:
        errors["team"] = _("团队成员最多 %(n)d 人。") % {"n": MAX_TEAM}
    elif not 0 <= s.leader < len(team):
        errors["team"] = _("请指定一名负责人。")
    if s.benefit_yuan < 0:
        errors["benefit_yuan"] = _("经济效益不能为负数。")
    elif s.benefit_yuan > 0 and not clean_text(s.benefit_method):
        errors["benefit_method"] = _("填写了经济效益，请说明计算方法和依据。")
    if s.enterprise is not None and not s.enterprise.union.path.startswith(org.path):
        errors["enterprise"] = _("该企业不属于申报工会。")
    if not s.pledge:
        errors["pledge"] = _("请承诺申报内容真实、成果为本人（团队）原创。")
    if not review_chain(org, call.org):
        errors["__all__"] = _("%(org)s不在“%(call)s”的申报范围内。") % {"org": org.name, "call": call.title}
    if errors:
        raise ValidationError(errors)
    return team


def _member_under(person: Person | None, org: OrgNode) -> bool:
    live = Membership.objects.filter(person=person, status__in=LIVE_STATUSES, org__path__startswith=org.path)
    return person is not None and live.exists()


@transaction.atomic
def project_submit(
    *, actor: Any, call: InnovationCall, org: OrgNode, submission: Submission, by_worker: bool = False
) -> Project:
    """Record a project and open its first review stage; a cadre needs ORG_EDIT on the union."""
    if not by_worker:
        require(actor, org, Perm.ORG_EDIT)
    elif not _member_under(submission.people.get(submission.leader), org):
        raise ValidationError(_("申报负责人须是本工会或下级工会的会员。"))
    team = _check(call, org, submission)
    project = Project.objects.create(
        call=call,
        org=org,
        enterprise=submission.enterprise,
        category=submission.category,
        title=clean_text(submission.title),
        problem=submission.problem.strip(),
        solution=submission.solution.strip(),
        benefit_yuan=submission.benefit_yuan,
        benefit_method=submission.benefit_method.strip(),
        benefit_evidence=clean_text(submission.benefit_evidence),
        pledge=True,
        submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
        submitted_via_h5=by_worker,
    )
    ProjectMember.objects.bulk_create(
        ProjectMember(
            project=project, name=name, person=submission.people.get(i), is_leader=i == submission.leader, sort=i
        )
        for i, name in enumerate(team)
    )
    first, scored = review_chain(org, call.org)[0]
    ReviewStage.objects.create(project=project, order=0, org=first, scored=scored)
    index_project(project)
    audit_record(actor=actor, action=AuditAction.CREATE, target=project, org=org, detail={"call": call.pk})
    return project


def attachment_add(
    *, actor: Any, project: Project, file: IO[bytes], name: str, size: int, by_worker: bool = False
) -> ProjectAttachment:
    """Keep one evidence file (image or PDF, at most 10 MB, at most 10 per project)."""
    if not by_worker:
        require(actor, project.org, Perm.ORG_EDIT)
    if project.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError(_("每个项目最多上传 %(n)d 个附件。") % {"n": MAX_ATTACHMENTS})
    checked = check_upload(file, size=size, families={"image", "pdf"}, max_bytes=MAX_ATTACHMENT_BYTES)
    attachment = ProjectAttachment(
        project=project, original_name=clean_text(name)[:200], content_type=checked.content_type, size=checked.size
    )
    attachment.file.save(checked.filename, File(file), save=False)  # the original name stays in the row only
    attachment.save()
    return attachment
