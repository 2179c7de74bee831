"""How long each stage of a legal-aid case may take, and the date its current stage is due.

The days follow common practice of unions' legal-aid rules (审查 within 7 days of the application, a lawyer
named within 3 days of acceptance, the lawyer in touch within 7 days, 结案 within 90 days of the first
step); a case past its date shows as overdue and its lawyer is texted (legalaid_remind).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from gonghui.rights.legalaid.choices import CaseStatus

STAGE_DAYS = {
    CaseStatus.APPLIED: 7,
    CaseStatus.ACCEPTED: 3,
    CaseStatus.ASSIGNED: 7,
    CaseStatus.ACTING: 90,
}


def due_for(status: str, start: dt.date | None = None) -> dt.date | None:
    """The deadline of `status` entered on `start` (today); None for a final status."""
    days = STAGE_DAYS.get(CaseStatus(status))
    if days is None:
        return None
    return (start or timezone.localdate()) + dt.timedelta(days=days)
