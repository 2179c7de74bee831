# ruff: noqa: S608 - SQL text is built from constant table and column names; every value is a parameter.
"""PostgreSQL fast path for the commonest join: a person the platform has never seen.

The ORM path takes six queries (insert-if-absent, lock, live check, membership, event, …) and most
of a join's time goes to compiling them. For a brand-new document number two statements suffice:
an INSERT … ON CONFLICT DO NOTHING that returns the new person (who, being new, cannot have a live
membership, and whose row this transaction now holds), and one INSERT that writes the membership
and its APPLY event together. Known people take the ORM path, which handles every other answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection

from gonghui.common.pii_crypto import seal
from gonghui.members.choices import EventKind, MembershipStatus
from gonghui.members.identity import CheckedApplicant, document_hmac, mobile_hmac
from gonghui.members.models import JoinCampaign, Membership, MembershipEvent, Person
from gonghui.orgs.models import OrgNode

_PERSON = Person._meta.db_table
_MEMBERSHIP = Membership._meta.db_table
_EVENT = MembershipEvent._meta.db_table
_ID_AAD = f"{Person._meta.label_lower}.id_number"
_MOBILE_AAD = f"{Person._meta.label_lower}.mobile"


def insert_new_person(checked: CheckedApplicant, keys: dict[str, str], now: dt.datetime) -> int | None:
    """The new person's id, or None when the document number is already on file."""
    mobile = checked.mobile or None
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {_PERSON} (name, id_type, id_number, id_hmac, sex, birth_date, ethnicity, mobile,
                mobile_hmac, hukou, is_migrant_worker, education, political, address, village, emergency_name,
                emergency_phone, name_simplified, name_pinyin, name_initials, created_at, updated_at)
            VALUES (%s, %s, %s, %s, %s, %s, '', %s, %s, '', false, '', '', '', %s, '', NULL, %s, %s, %s, %s, %s)
            ON CONFLICT (id_hmac) DO NOTHING
            RETURNING id
            """,
            [
                checked.name,
                checked.id_type,
                seal(checked.id_number, aad=_ID_AAD),
                document_hmac(checked.id_number),
                checked.sex,
                checked.birth_date,
                seal(mobile, aad=_MOBILE_AAD) if mobile else None,
                mobile_hmac(mobile) if mobile else None,
                checked.village,
                keys["name_simplified"],
                keys["name_pinyin"],
                keys["name_initials"],
                now,
                now,
            ],
        )
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def insert_application(
    *,
    person_id: int,
    org: OrgNode,
    source: str,
    campaign: JoinCampaign | None,
    details: dict[str, Any],
    actor_id: int | None,
    now: dt.datetime,
) -> Membership:
    """A pending membership and its APPLY event, in one statement."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH m AS (
                INSERT INTO {_MEMBERSHIP} (person_id, org_id, status, source, campaign_id, member_no, card_no,
                    applied_at, reject_reason, employer_name, occupation, skill_level, employment_form, platform,
                    union_posts, created_at, updated_at)
                VALUES (%s, %s, %s, %s, %s, '', '', %s, '', %s, %s, '', %s, %s, '', %s, %s)
                RETURNING id
            )
            INSERT INTO {_EVENT} (membership_id, kind, org_id, actor_id, reason, at)
            SELECT id, %s, %s, %s, '', %s FROM m
            RETURNING membership_id
            """,
            [
                person_id,
                org.pk,
                MembershipStatus.PENDING.value,
                source,
                campaign.pk if campaign else None,
                now,
                details["employer_name"],
                details["occupation"],
                details["employment_form"],
                details["platform"],
                now,
                now,
                EventKind.APPLY.value,
                org.pk,
                actor_id,
                now,
            ],
        )
        membership_id = int(cursor.fetchone()[0])
    return Membership(
        pk=membership_id,
        person_id=person_id,
        org=org,
        status=MembershipStatus.PENDING,
        source=source,
        campaign=campaign,
        applied_at=now,
        created_at=now,
        updated_at=now,
        **details,
    )
