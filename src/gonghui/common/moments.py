"""Points in time from outside: an API client's "2026-05-01T10:00" without a zone is local (China) time."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def aware(moment: dt.datetime) -> dt.datetime:
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def aware_or_none(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else aware(moment)
