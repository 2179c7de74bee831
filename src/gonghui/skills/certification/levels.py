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
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.choices import SkillLevel, SkillSource, level_label, level_rank
from gonghui.skills.certification.models import Batch, Certificate, Occupation, PersonSkill, SkillChange


@dataclass
class LevelChange:
    person_id: int
    level: str
    certificate: Certificate | None = None
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
    fresh, moved, history = [], [], []
    now = timezone.now()  # bulk_update does not stamp auto_now fields
    for change in changes:
        row = current.get(change.person_id)
        history.append(
            SkillChange(
                person_id=change.person_id,
                occupation=occupation,
                from_level=row.level if row else "",
                to_level=change.level,
                on=on,
                source=source,
                batch=batch,
                certificate=change.certificate,
                org=org,
                note=note[:200],
                actor=actor,
            )
        )
        values = {
            "level": change.level,
            "certified_on": on,
            "source": source,
            "certificate": change.certificate,
            "org": org,
            "pay_grade": change.pay_grade,
            "allowance": change.allowance,
        }
        if row is None:
            fresh.append(PersonSkill(person_id=change.person_id, occupation=occupation, **values))
        else:
            for name, value in {**values, "updated_at": now}.items():
                setattr(row, name, value)
            moved.append(row)
    PersonSkill.objects.bulk_create(fresh, batch_size=2000)
    if moved:
        PersonSkill.objects.bulk_update(
            moved,
            ["level", "certified_on", "source", "certificate", "org", "pay_grade", "allowance", "updated_at"],
            batch_size=500,
        )
    SkillChange.objects.bulk_create(history, batch_size=2000)


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
    if level not in SkillLevel.values:
        raise ValidationError({"level": _("技能等级无效。")})
    if source not in SkillSource.values:
        raise ValidationError({"source": _("来源无效。")})
    current = current_skills([person.pk], occupation, lock=True)
    problem = not_higher_problem(current.get(person.pk), level)
    if problem:
        raise ValidationError({"level": problem})
    change = LevelChange(person.pk, level, certificate)
    levels_raise(
        [change], occupation=occupation, on=on, source=source, org=org, actor=actor, current=current, note=note
    )
    return PersonSkill.objects.get(person=person, occupation=occupation)
