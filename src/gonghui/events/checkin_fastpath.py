# ruff: noqa: S608 - SQL text is built from constant table and column names; every value is a parameter.
"""PostgreSQL fast path for the commonest scan: a ticket's first check-in.

The general path (checkin.scan_record) takes a transaction: BEGIN, the conditional UPDATE of the sign-up,
the scan's INSERT, COMMIT. On PostgreSQL one statement does both and, being one statement, is atomic
without a transaction: the UPDATE (only a present, not yet checked-in sign-up of this event) feeds the
INSERT of the scan. No row back means anything else (already in, waiting, another event's ticket): the
caller takes the general path, which gives every other answer. A nonce seen before makes the INSERT
fail, so the whole statement undoes itself, and the general path answers as the first scan did. The
event's status and times are checked by the caller (checkin._first_ticket_check_in).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, connection

from gonghui.events.choices import Direction, ScanOutcome, SignUpStatus
from gonghui.events.models import Scan, SignUp

_SIGNUP = SignUp._meta.db_table
_SCAN = Scan._meta.db_table
_SQL = f"""
WITH came AS (
    UPDATE {_SIGNUP}
       SET checked_in_at = %(at)s,
           status = CASE WHEN status = %(offered)s THEN %(confirmed)s ELSE status END,
           offer_expires_at = NULL,
           updated_at = %(now)s
     WHERE id = %(signup)s AND event_id = %(event)s AND checked_in_at IS NULL
       AND status IN (%(confirmed)s, %(offered)s, %(walk_in)s)
 RETURNING id
)
INSERT INTO {_SCAN} (event_id, signup_id, nonce, token_digest, direction, outcome, reason, category, scanned_at,
                     recorded_at, scanner_id)
SELECT %(event)s, id, %(nonce)s, %(digest)s, %(direction)s, %(outcome)s, '', '', %(at)s, %(now)s, %(scanner)s
  FROM came
RETURNING id
"""


def first_check_in(
    *, event_id: int, signup_id: int, nonce: str, digest: str, at: dt.datetime, now: dt.datetime, scanner_id: int
) -> Scan | None:
    """The recorded scan if this was the ticket's first check-in; None for the general path to decide."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None
    params: dict[str, Any] = {
        "at": at,
        "now": now,
        "signup": signup_id,
        "event": event_id,
        "nonce": nonce,
        "digest": digest,
        "scanner": scanner_id,
        "direction": Direction.IN.value,
        "outcome": ScanOutcome.CHECKED_IN.value,
        "confirmed": SignUpStatus.CONFIRMED.value,
        "offered": SignUpStatus.OFFERED.value,
        "walk_in": SignUpStatus.WALK_IN.value,
    }
    try:
        with connection.cursor() as cursor:  # autocommit: the one statement is its own transaction
            cursor.execute(_SQL, params)
            row = cursor.fetchone()
    except IntegrityError:  # the nonce was used before: the general path answers as the first scan did
        return None
    if row is None:
        return None
    return Scan(
        pk=row[0],
        event_id=event_id,
        signup_id=signup_id,
        nonce=nonce,
        token_digest=digest,
        direction=Direction.IN,
        outcome=ScanOutcome.CHECKED_IN,
        scanned_at=at,
        recorded_at=now,
        scanner_id=scanner_id,
    )
