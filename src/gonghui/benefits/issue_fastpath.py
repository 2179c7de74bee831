# ruff: noqa: S608 - SQL text is built from constant table and column names; every value is a parameter.
"""PostgreSQL fast path for issuing a card by rule: one INSERT … SELECT over the eligible members.

The general path (services.cards_issue_by_rule) reads the members into Python and writes batches; here
the database does both in one statement, each new card numbered from gen_random_uuid() (48 random bits,
as secrets.token_hex(6) gives on the general path). A member who holds a live card is skipped by the
NOT EXISTS and, should one be issued meanwhile, by the one-live-card index (ON CONFLICT DO NOTHING); a
number that happens to be taken skips its member too, so the statement runs again until it adds no card.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection, transaction
from django.utils import timezone

from gonghui.benefits.choices import LIVE, CardStatus
from gonghui.benefits.models import CardProduct, MemberCard
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode

_CARD, _MEMBERSHIP, _ORG = MemberCard._meta.db_table, Membership._meta.db_table, OrgNode._meta.db_table
_SQL = f"""
INSERT INTO {_CARD} (product_id, person_id, membership_id, org_id, number, bank_last4, status, valid_from,
                     valid_until, reason, decided_by_id, created_at, updated_at)
SELECT %(product)s, m.person_id, m.id, m.org_id,
       upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12)), '', %(active)s, %(start)s, %(until)s,
       '', %(actor)s, %(now)s, %(now)s
  FROM {_MEMBERSHIP} m JOIN {_ORG} o ON o.id = m.org_id
 WHERE m.status = %(member_active)s AND o.path LIKE %(path)s
   AND (%(form)s = '' OR m.employment_form = %(form)s)
   AND NOT EXISTS (SELECT 1 FROM {_CARD} c
                    WHERE c.product_id = %(product)s AND c.person_id = m.person_id AND c.status = ANY(%(live)s))
ON CONFLICT DO NOTHING
"""


def issue_in_one_statement(
    *, product: CardProduct, root: OrgNode, start: dt.date, until: dt.date, actor_id: int | None
) -> int | None:
    """Cards issued, or None off PostgreSQL (the general path issues them)."""
    if connection.vendor != "postgresql":
        return None
    params = {
        "product": product.pk,
        "active": CardStatus.ACTIVE.value,
        "member_active": MembershipStatus.ACTIVE.value,
        "start": start,
        "until": until,
        "actor": actor_id,
        "now": timezone.now(),
        "path": root.path + "%",
        "form": product.employment_form,
        "live": [str(s) for s in LIVE],
    }
    issued = 0
    with transaction.atomic(), connection.cursor() as cursor:
        # A bulk statement wants hash joins whatever the statistics say: on tables not yet analyzed (a new
        # database, CI) the planner would check each member against the cards one nested loop at a time.
        cursor.execute("SET LOCAL enable_nestloop = off")
        for _pass in range(5):  # a second pass finds only members whose new number collided
            cursor.execute(_SQL, params)
            issued += cursor.rowcount
            if cursor.rowcount == 0:
                break
    return issued
