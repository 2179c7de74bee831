"""交友联谊: a worker's opt-in profile, and who may see it.

Only workers who opted in see each other, and only at a 交友 event both hold a place in; each sees the
fields the other chose to show, under a nickname. Cadres see counts, never profiles or names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.events.choices import SOCIAL_FIELDS, SignUpStatus
from gonghui.events.models import Event, SignUp, SocialProfile
from gonghui.members.models import Person

SEEN_STATUSES = (SignUpStatus.CONFIRMED, SignUpStatus.WALK_IN)


@dataclass
class ProfileFields:
    opted_in: bool
    nickname: str
    birth_year: int | None = None
    height_cm: int | None = None
    hometown: str = ""
    occupation: str = ""
    education: str = ""
    intro: str = ""
    shown: tuple[str, ...] = ()


def _check(data: ProfileFields) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.opted_in and not data.nickname.strip():
        errors["nickname"] = _("参加交友联谊请填写昵称（不必是真实姓名）。")
    year = timezone.localdate().year
    if data.birth_year is not None and not year - 70 <= data.birth_year <= year - 16:
        errors["birth_year"] = _("出生年份须在%(low)s至%(high)s之间。") % {"low": year - 70, "high": year - 16}
    if data.height_cm is not None and not 100 <= data.height_cm <= 230:
        errors["height_cm"] = _("身高须在100至230厘米之间。")
    unknown = set(data.shown) - set(SOCIAL_FIELDS)
    if unknown:
        errors["shown"] = _("公开项无效。")
    return errors


@transaction.atomic
def social_profile_save(*, person: Person, data: ProfileFields) -> SocialProfile:
    errors = _check(data)
    if errors:
        raise ValidationError(errors)
    profile, _created = SocialProfile.objects.get_or_create(person=person, defaults={"nickname": ""})
    for name in ("opted_in", "birth_year", "height_cm"):
        setattr(profile, name, getattr(data, name))
    for name in ("nickname", "hometown", "occupation", "education", "intro"):
        setattr(profile, name, getattr(data, name).strip())
    profile.shown = [f for f in SOCIAL_FIELDS if f in data.shown]
    profile.save()
    return profile


def social_peers(*, event: Event, person: Person) -> list[dict[str, Any]]:
    """The other opted-in participants of a 交友 event, as the viewer may see them; the viewer must hold a
    place and be opted in, else nobody is shown."""
    if not event.is_social:
        return []
    mine = SignUp.objects.filter(event=event, person=person, status__in=SEEN_STATUSES).exists()
    opted = SocialProfile.objects.filter(person=person, opted_in=True).exists()
    if not (mine and opted):
        return []
    profiles = SocialProfile.objects.filter(
        opted_in=True,
        person__event_signups__event=event,
        person__event_signups__status__in=SEEN_STATUSES,
    ).exclude(person=person)
    return [
        {"nickname": p.nickname, **{f: getattr(p, f) for f in p.shown if getattr(p, f) not in (None, "")}}
        for p in profiles.order_by("pk").distinct()
    ]
