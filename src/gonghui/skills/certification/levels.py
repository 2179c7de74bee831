"""Members' skill levels: the current level per person and occupation (PersonSkill) and the history of
every change (SkillChange), written together so the two never disagree.

Certification raises levels a batch at a time; other skills apps (a competition's 晋级) record one through
`skill_level_record`. A level only goes up: recording the same or a lower level is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.bulk_insert import bulk_insert
from gonghui.skills.certification.choices import CertifiedLevel, SkillSource, level_label, level_rank
from gonghui.skills.certification.models import Batch, Certificate, Occupation, PersonSkill, SkillChange


@dataclass
class LevelChange:
    person_id: int
    level: str
    certificate_id: int | None = None
    pay_grade: str = ""
    allowance: Decimal | None = None


def current_skills(person_ids: list[int], occupation: Occupation, *, lock: bool = False) -> dict[int, PersonSkill]:
    """The current rows of these people in the occupation; locked for the transaction when asked, so a
    concurrent batch raising the same people waits and then reads what this one wrote."""
    qs = PersonSkill.objects.filter(occupation=occupation, person_id__in=person_ids)
    if lock:
        qs = qs.select_for_update()
    return {row.person_id: row for row in qs}


def not_higher_problem(current: PersonSkill | None, level: str) -> str | None:
    if current is None or level_rank(current.level) < level_rank(level):
        return None
    return _("已持有本职业（工种）%(level)s（%(on)s取得），不能再认定同级或更低等级。") % {
        "level": level_label(current.level),
        "on": current.certified_on.isoformat(),
    }


def levels_raise(
    changes: list[LevelChange],
    *,
    occupation: Occupation,
    on: dt.date,
    source: str,
    org: OrgNode,
    actor: User | None,
    current: dict[int, PersonSkill],
    batch: Batch | None = None,
    note: str = "",
) -> None:
    """Write the new current levels and their history in bulk. `current` holds the rows read (locked)
    before the caller checked that every change is a raise."""
    now = timezone.now()
    fresh, moved, history = [], [], []
    for change in changes:
        row = current.get(change.person_id)
        history.append(
            (
                change.person_id,
                occupation.pk,
                row.level if row else "",
                change.level,
                on,
                source,
                batch.pk if batch else None,
                change.certificate_id,
                org.pk,
                note[:200],
                actor.pk if actor else None,
                now,
            )
        )
        values = (change.level, on, source, change.certificate_id, org.pk, change.pay_grade, change.allowance, now)
        if row is None:
            fresh.append((change.person_id, occupation.pk, *values))
        else:
            for name, value in zip(_SKILL_VALUES, values, strict=True):
                setattr(row, name, value)  # bulk_update does not stamp auto_now fields: updated_at is set here
            moved.append(row)
    bulk_insert(PersonSkill, ("person_id", "occupation_id", *_SKILL_VALUES), fresh)
    if moved:
        PersonSkill.objects.bulk_update(moved, list(_SKILL_VALUES), batch_size=500)
    bulk_insert(SkillChange, _CHANGE_COLUMNS, history)
    _roster_levels_raise(changes)


# The roster's 技能等级 (members.SkillLevel, what a member declared or an import carried) follows a certified
# level when the certified one is higher, so the roster, the 职代会's technician share and exports agree.
_ROSTER_LEVEL = {"5": "grade5", "4": "grade4", "3": "grade3", "2": "grade2", "1": "grade1"}
_ROSTER_ORDER = ["", "grade5", "grade4", "grade3", "grade2", "grade1"]


def _roster_levels_raise(changes: list[LevelChange]) -> None:
    by_level: dict[str, list[int]] = {}
    for change in changes:
        by_level.setdefault(_ROSTER_LEVEL[change.level], []).append(change.person_id)
    for roster_level, person_ids in by_level.items():
        lower = _ROSTER_ORDER[: _ROSTER_ORDER.index(roster_level)]
        Membership.objects.filter(
            person_id__in=person_ids, status=MembershipStatus.ACTIVE, skill_level__in=lower
        ).update(skill_level=roster_level)


_SKILL_VALUES = ("level", "certified_on", "source", "certificate_id", "org_id", "pay_grade", "allowance", "updated_at")
_CHANGE_COLUMNS = (
    "person_id",
    "occupation_id",
    "from_level",
    "to_level",
    "on",
    "source",
    "batch_id",
    "certificate_id",
    "org_id",
    "note",
    "actor_id",
    "created_at",
)


@transaction.atomic
def skill_level_record(
    *,
    person: Person,
    occupation: Occupation,
    level: str,
    on: dt.date,
    source: str,
    org: OrgNode,
    actor: User | None = None,
    certificate: Certificate | None = None,
    note: str = "",
) -> PersonSkill:
    """Raise one person's level (a competition's 晋级, a level brought from elsewhere), with its history."""
    if level not in CertifiedLevel.values:
        raise ValidationError({"level": _("技能等级无效。")})
    if source not in SkillSource.values:
        raise ValidationError({"source": _("来源无效。")})
    current = current_skills([person.pk], occupation, lock=True)
    problem = not_higher_problem(current.get(person.pk), level)
    if problem:
        raise ValidationError({"level": problem})
    change = LevelChange(person.pk, level, certificate.pk if certificate else None)
    levels_raise(
        [change], occupation=occupation, on=on, source=source, org=org, actor=actor, current=current, note=note
    )
    return PersonSkill.objects.get(person=person, occupation=occupation)
