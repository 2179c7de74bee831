"""Entering a batch's results (from Excel, the API or the form), all rows or none.

Each row names a member of the enterprise's union (by name and ID number, matched through the keyed hash),
the level applied for, the theory and practical scores and, optionally, the certificate number the filing
authority printed. Every problem comes back with its row number and a Chinese reason, and then nothing
is recorded. A clean list records every candidate; those who pass get a platform certificate
(`certificates_issue`, kind skill_level: numbered, checkable by QR), their level in the occupation is
raised with its history, and the enterprise's pay grade for the new level is recorded beside it.

A row already entered in the batch with the same level and scores is skipped, so uploading a list again
records nobody twice; the database holds one result per person and batch, one use of each authority
number, and one current level per person and occupation, whatever arrives at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.members.choices import MembershipStatus
from gonghui.members.identity import same_listed_name
from gonghui.members.importer.rows import RowError
from gonghui.members.models import Membership
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.certification.bulk_insert import bulk_insert
from gonghui.skills.certification.certificates import certificates_issue_bulk
from gonghui.skills.certification.choices import (
    BatchStatus,
    CertificateKind,
    SkillSource,
    level_label,
)
from gonghui.skills.certification.levels import LevelChange, current_skills, levels_raise, not_higher_problem
from gonghui.skills.certification.models import Batch, Candidate, PayGrade, PersonSkill
from gonghui.skills.certification.pilots import licence_problem
from gonghui.skills.certification.result_rows import ParsedRow, parse_rows

MAX_ROWS = 10_000  # a batch is one enterprise's assessment; a bigger list is a mistake or several batches


@dataclass
class Outcome:
    rows: int
    recorded: int = 0
    passed: int = 0
    promoted: int = 0
    already: int = 0
    errors: list[RowError] = field(default_factory=list)

    def raise_errors(self) -> None:
        """For the API: the row errors as one ValidationError (422), nothing having been recorded."""
        if self.errors:
            raise ValidationError(
                {"rows": [_("第 %(n)d 行：%(r)s") % {"n": e.number, "r": e.reason} for e in self.errors]}
            )


class _Member(NamedTuple):
    person_id: int
    name: str


def _batch_problem(batch: Batch) -> str | None:
    if batch.status != BatchStatus.OPEN:
        return _("该批次已经结束，不能再录入成绩。")
    if timezone.localdate() < batch.starts_on:
        return _("考核%(d)s才开始，开始后才能录入成绩。") % {"d": batch.starts_on.isoformat()}
    return licence_problem(batch.pilot, batch.occupation, batch.level_list, batch.starts_on, batch.ends_on)


def _locked_batch(batch: Batch) -> Batch:
    locked: Batch = (
        Batch.objects.select_for_update(of=("self",))
        .select_related("pilot__enterprise", "org", "occupation")
        .prefetch_related("pilot__licences")
        .get(pk=batch.pk)
    )
    return locked


@transaction.atomic
def results_record(*, actor: User, batch: Batch, rows: list[tuple[int, dict[str, Any]]]) -> Outcome:
    """Check every row, then record all of them or none. `rows`: (row number, {name, id_number, theory,
    practical, level?, certificate_number?}) with the cells as read."""
    require(actor, batch.org, Perm.ORG_EDIT)
    batch = _locked_batch(batch)  # one entry into a batch at a time: the second waits and sees the first
    problem = _batch_problem(batch)
    if problem:
        raise ValidationError(problem)
    if len(rows) > MAX_ROWS:
        raise ValidationError(_("一次最多录入 %(n)d 人，请分批。") % {"n": MAX_ROWS})
    outcome = Outcome(rows=len(rows))
    parsed, outcome.errors = parse_rows(batch, rows)
    # Tuples, not model instances: thousands of rows are read here in every import.
    members = {
        hmac: _Member(person_id, name)
        for person_id, name, hmac in Membership.objects.filter(
            status=MembershipStatus.ACTIVE,
            org__path__startswith=batch.org.path,
            person__id_hmac__in=[r.hmac for r in parsed],
        ).values_list("person_id", "person__name", "person__id_hmac")
    }
    person_ids = [m.person_id for m in members.values()]
    entered = {
        person_id: (level, theory, practical)
        for person_id, level, theory, practical in Candidate.objects.filter(
            batch=batch, person_id__in=person_ids
        ).values_list("person_id", "level", "theory", "practical")
    }
    skills = current_skills(person_ids, batch.occupation, lock=True)
    numbers = [r.external for r in parsed if r.external]
    taken = set(Candidate.objects.filter(external_number__in=numbers).values_list("external_number", flat=True))
    fresh, skip = _match(batch, parsed, members, entered, skills, taken, outcome.errors)
    outcome.already = skip
    outcome.errors.sort(key=lambda e: e.number)
    if outcome.errors:
        return outcome  # nothing recorded
    try:
        with transaction.atomic():
            _write(actor, batch, fresh, skills, outcome)
    except IntegrityError as exc:  # a concurrent entry took a person's result or a number first
        raise ValidationError(_("有人同时录入了相同的人员或证书编号，请刷新后重试。")) from exc
    return outcome


def _match(
    batch: Batch,
    parsed: list[ParsedRow],
    members: dict[str, _Member],
    entered: dict[int, tuple[str, Decimal, Decimal]],
    skills: dict[int, PersonSkill],
    taken: set[str],
    errors: list[RowError],
) -> tuple[list[tuple[ParsedRow, int]], int]:
    """The rows to record, with their memberships; problems that need the database go to `errors`."""
    seen: dict[str, int] = {}
    numbers: dict[str, int] = {}
    fresh: list[tuple[ParsedRow, int]] = []
    skipped = 0
    for row in parsed:
        membership = members.get(row.hmac)
        problem, column = None, "id_number"
        if row.hmac in seen:
            problem = _("与第 %(row)d 行是同一人。") % {"row": seen[row.hmac]}
        elif membership is None:
            problem = _("不是“%(union)s”的在册会员。") % {"union": batch.org.name}
        elif not same_listed_name(membership.name, row.name):
            problem, column = _("姓名与登记的“%(name)s”不一致。") % {"name": membership.name}, "name"
        seen.setdefault(row.hmac, row.number)
        if problem is None and membership is not None and membership.person_id in entered:
            before = entered[membership.person_id]
            if before == (row.level, row.theory, row.practical):
                skipped += 1
                continue
            problem = _("本批次已录入该职工的成绩（理论%(t)s，实操%(p)s），与本行不一致；成绩录入后不能修改。") % {
                "t": before[1],
                "p": before[2],
            }
        passed = row.theory >= batch.theory_pass and row.practical >= batch.practical_pass
        if problem is None and membership is not None:
            problem = not_higher_problem(skills.get(membership.person_id), row.level)
            column = "level" if problem else column
        if problem is None and row.external:
            column = "certificate_number"
            if not passed:
                problem = _("未通过认定，不应填写证书编号。")
            elif row.external in numbers:
                problem = _("证书编号与第 %(row)d 行重复。") % {"row": numbers[row.external]}
            elif row.external in taken:
                problem = _("证书编号“%(n)s”已经登记过，不能重复发证。") % {"n": row.external}
            numbers.setdefault(row.external, row.number)
        if problem is not None:
            value = row.masked_id if column == "id_number" else (row.name if column == "name" else row.external)
            errors.append(RowError(row.number, column, value, problem))
            continue
        assert membership is not None  # noqa: S101 - a missing membership is a problem above
        fresh.append((row, membership.person_id))
    return fresh, skipped


def _write(
    actor: User, batch: Batch, fresh: list[tuple[ParsedRow, int]], skills: dict[int, PersonSkill], outcome: Outcome
) -> None:
    grades = {g.level: g for g in PayGrade.objects.filter(pilot=batch.pilot)}
    passing = [
        (row, pid) for row, pid in fresh if row.theory >= batch.theory_pass and row.practical >= batch.practical_pass
    ]
    names = {"enterprise": batch.pilot.enterprise.name, "batch": batch.name}
    detail = _("%(enterprise)s职业技能等级认定 · %(batch)s") % names
    titles = {level: f"{batch.occupation.name} {level_label(level)}" for level in batch.level_list}
    issued = certificates_issue_bulk(
        kind=CertificateKind.SKILL_LEVEL,
        org=batch.org,
        items=[(pid, titles[row.level], detail) for row, pid in passing],
        issued_on=batch.ends_on,
    )
    certificates = {pid: cert_id for (_row, pid), (cert_id, _number) in zip(passing, issued, strict=True)}
    now = timezone.now()
    candidates, changes = [], []
    for row, person_id in fresh:
        certificate_id = certificates.get(person_id)
        before = skills.get(person_id)
        new, old = grades.get(row.level), grades.get(before.level) if before else None
        promoted = (
            certificate_id is not None
            and new is not None
            and (old is None or new.allowance > old.allowance or new.grade != old.grade)
        )
        grade = (new.grade, new.allowance) if certificate_id and new else ("", None)
        candidates.append(
            (
                batch.pk,
                person_id,
                row.level,
                row.theory,
                row.practical,
                certificate_id is not None,
                before.level if before else "",
                certificate_id,
                row.external if certificate_id else "",
                *grade,
                promoted,
                actor.pk,
                now,
            )
        )
        if certificate_id is not None:
            changes.append(LevelChange(person_id, row.level, certificate_id, *grade))
    bulk_insert(Candidate, _CANDIDATE_COLUMNS, candidates)
    levels_raise(
        changes,
        occupation=batch.occupation,
        on=batch.ends_on,
        source=SkillSource.CERTIFICATION,
        org=batch.org,
        actor=actor,
        current=skills,
        batch=batch,
    )
    outcome.recorded = len(candidates)
    outcome.passed = len(changes)
    outcome.promoted = sum(1 for c in candidates if c[_CANDIDATE_COLUMNS.index("promoted")])


_CANDIDATE_COLUMNS = (
    "batch_id",
    "person_id",
    "level",
    "theory",
    "practical",
    "passed",
    "previous_level",
    "certificate_id",
    "external_number",
    "pay_grade",
    "allowance",
    "promoted",
    "entered_by_id",
    "created_at",
)
