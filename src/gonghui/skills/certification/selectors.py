"""Reads of the certification app, always through the scope for staff."""

from __future__ import annotations

from gonghui.members.models import Person


def current_level(person: Person, occupation_id: int) -> str | None:
    """The person's current certified level (a SkillLevel value) in the occupation, or None.

    Competitions check eligibility and mentoring reads outcomes through this function: keep its signature.
    """
    return None
