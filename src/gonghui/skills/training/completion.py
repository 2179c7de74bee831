"""Hours, the completion rule and completion certificates.

A trainee's hours in a class are the hours of the class's sessions they were checked in at (the events door);
a cancelled session counts for no one. A trainee completes when their hours reach the class's share
(`completion_percent`, 80 by default) of the hours of all its sessions not cancelled. Completion certificates
are the skills certificates (kind training), one per trainee and class: a unique index on the completion.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.events.choices import EventStatus
from gonghui.events.models import SignUp
from gonghui.members.models import Person
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.certification.certificates import CertificateIn, certificates_issue
from gonghui.skills.certification.choices import CertificateKind
from gonghui.skills.training.classes import lock_class
from gonghui.skills.training.models import Completion, Session, TrainingClass

ZERO = Decimal("0.0")
TENTH = Decimal("0.1")


def hours_text(hours: Decimal) -> str:
    """8 → "8", 6.4 → "6.4": the same on SQLite and PostgreSQL, whose sums differ in scale."""
    return str(hours.quantize(TENTH)).removesuffix(".0")


def held_sessions(klass: TrainingClass) -> QuerySet[Session]:
    return Session.objects.filter(klass=klass).exclude(event__status=EventStatus.CANCELLED)


def attendances(klass: TrainingClass) -> QuerySet[SignUp]:
    """Check-ins at the class's sessions (one per trainee and session: the engine's one active sign-up)."""
    return SignUp.objects.filter(event__training_session__klass=klass, checked_in_at__isnull=False).exclude(
        event__status=EventStatus.CANCELLED
    )


def class_hours(klass: TrainingClass) -> Decimal:
    return (held_sessions(klass).aggregate(h=Sum("hours"))["h"] or ZERO).quantize(TENTH)


def required_hours(klass: TrainingClass, total: Decimal | None = None) -> Decimal:
    total = class_hours(klass) if total is None else total
    needed = total * klass.completion_percent / Decimal(100)
    return needed.quantize(TENTH, rounding=ROUND_HALF_UP)


def hours_by_person(klass: TrainingClass) -> dict[int, Decimal]:
    rows = attendances(klass).values("person_id").annotate(h=Sum("event__training_session__hours")).order_by()
    return {row["person_id"]: (row["h"] or ZERO).quantize(TENTH) for row in rows}


def hours_of(klass: TrainingClass, person: Person) -> Decimal:
    found = attendances(klass).filter(person=person).aggregate(h=Sum("event__training_session__hours"))["h"]
    return (found or ZERO).quantize(TENTH)


@dataclass(frozen=True)
class Standing:
    """Where a trainee stands in a class: hours attended, hours needed, done."""

    hours: Decimal
    needed: Decimal
    total: Decimal

    @property
    def completed(self) -> bool:
        return self.total > 0 and self.hours >= self.needed

    def shown(self) -> dict[str, str]:
        return {"hours": hours_text(self.hours), "needed": hours_text(self.needed), "total": hours_text(self.total)}


def standing(klass: TrainingClass, person: Person) -> Standing:
    total = class_hours(klass)
    return Standing(hours_of(klass, person), required_hours(klass, total), total)


def _title(klass: TrainingClass) -> str:
    return _("%(title)s 结业") % {"title": klass.title}


def _detail(klass: TrainingClass, hours: Decimal) -> str:
    trade = klass.course.occupation.name if klass.course.occupation else klass.course.title
    return _("%(trade)s · %(org)s · 参训%(h)s学时") % {"trade": trade, "org": klass.org.name, "h": hours_text(hours)}


@transaction.atomic
def certificates_grant(*, actor: User, klass: TrainingClass, people: list[Person] | None = None) -> list[Completion]:
    """Issue completion certificates: to `people` (each must have completed and hold none yet, else nothing is
    issued), or, without `people`, to every trainee who completed and holds none yet."""
    require(actor, klass.org, Perm.ORG_EDIT)
    klass = lock_class(klass)  # one grant per class at a time; the unique index is the last word
    total = class_hours(klass)
    needed = required_hours(klass, total)
    hours = hours_by_person(klass)
    holders = set(Completion.objects.filter(klass=klass).values_list("person_id", flat=True))
    if people is None:
        chosen = list(Person.objects.filter(pk__in=[p for p, h in hours.items() if h >= needed and p not in holders]))
        if not chosen or total <= 0:
            none_left = _("没有待颁发结业证书的学员（参训学时达到%(need)s学时且尚未领证）。")
            raise ValidationError(none_left % {"need": hours_text(needed)})
    else:
        chosen, problems = list(people), []
        for person in chosen:
            got = hours.get(person.pk, ZERO)
            if person.pk in holders:
                problems.append(_("%(name)s已领取本班结业证书，不能重复颁发。") % {"name": person.name})
            elif total <= 0 or got < needed:
                problems.append(
                    _("%(name)s参训%(got)s学时，未达到结业要求（%(need)s学时），不能颁发结业证书。")
                    % {"name": person.name, "got": hours_text(got), "need": hours_text(needed)}
                )
        if problems:
            raise ValidationError(problems)
    items = [CertificateIn(person=p, title=_title(klass), detail=_detail(klass, hours[p.pk])) for p in chosen]
    certificates = certificates_issue(kind=CertificateKind.TRAINING, org=klass.org, items=items)
    try:
        with transaction.atomic():
            made = Completion.objects.bulk_create(
                Completion(klass=klass, person=c.person, hours=hours[c.person.pk], certificate=c, issued_by=actor)
                for c in certificates
            )
    except IntegrityError as exc:
        raise ValidationError(_("结业证书已颁发，不能重复颁发。")) from exc
    detail = {"certificates": len(made)}
    audit_record(actor=actor, action=AuditAction.CREATE, target=klass, org=klass.org, detail=detail)
    return made
