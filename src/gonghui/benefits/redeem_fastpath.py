# ruff: noqa: S608 - SQL text is built from constant table and column names; every value is a parameter.
"""PostgreSQL fast path for the commonest sale: a member's valid card at a merchant that honours it.

The general path (redemptions.redemption_record) reads the membership, the member's cards and inserts
the record: three round trips, each planned afresh. Here one prepared statement (common.prepared) finds
the active membership, picks the card with the best terms at this merchant and inserts the record with
the discount computed in the database (rounded half up to the fen, as the general path does). No row
back means anything else (no longer a member, no card the shop honours): the caller takes the general
path, which gives the reason. A key seen before breaks the unique index, the statement undoes itself,
and the general path returns the first record. The merchant's agreement and the token are checked by
the caller before.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import IntegrityError, connection

from gonghui.benefits.choices import CardStatus
from gonghui.benefits.models import MemberCard, MerchantStaff, MerchantTerm, Redemption
from gonghui.common.prepared import fetch_one_prepared
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership

_SQL = f"""
WITH holder AS (
    SELECT person_id, org_id FROM {Membership._meta.db_table}
     WHERE id = %(membership)s AND status = %(member_active)s
), best AS (
    SELECT c.id, t.percent_off
      FROM {MemberCard._meta.db_table} c
      JOIN {MerchantTerm._meta.db_table} t ON t.product_id = c.product_id AND t.merchant_id = %(merchant)s
     WHERE c.person_id = (SELECT person_id FROM holder) AND c.status = %(card_active)s
       AND c.valid_until >= %(today)s
     ORDER BY t.percent_off DESC
     LIMIT 1
), priced AS (
    SELECT best.id, round(%(before)s::numeric * best.percent_off / 100, 2) AS discount FROM best
)
INSERT INTO {Redemption._meta.db_table}
       (merchant_id, staff_id, card_id, voucher_id, person_id, org_id, key, amount_before, amount_after,
        discount, created_at)
SELECT %(merchant)s, %(staff)s, priced.id, NULL, holder.person_id, holder.org_id, %(key)s, %(before)s,
       %(before)s::numeric - priced.discount, priced.discount, %(now)s
  FROM holder, priced
RETURNING id, card_id, person_id, org_id, amount_after, discount
"""


def card_sale(
    *, staff: MerchantStaff, membership_id: int, before: Decimal, key: str, today: dt.date, now: dt.datetime
) -> Redemption | None:
    """The recorded sale with the card's discount; None for the general path to decide."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None
    params = {
        "membership": membership_id,
        "member_active": MembershipStatus.ACTIVE.value,
        "merchant": staff.merchant_id,
        "card_active": CardStatus.ACTIVE.value,
        "today": today,
        "before": before,
        "staff": staff.pk,
        "key": key,
        "now": now,
    }
    try:
        row = fetch_one_prepared(_SQL, params)
    except IntegrityError:  # the key was used before: the general path returns the first record
        return None
    if row is None:
        return None
    pk, card_id, person_id, org_id, after, discount = row
    return Redemption(
        pk=pk,
        merchant_id=staff.merchant_id,
        staff=staff,
        card_id=card_id,
        person_id=person_id,
        org_id=org_id,
        key=key,
        amount_before=before,
        amount_after=after,
        discount=discount,
        created_at=now,
    )
