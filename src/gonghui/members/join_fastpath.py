# ruff: noqa: S608 - SQL text is built from constant table and column names; every value is a parameter.
"""PostgreSQL fast path for the commonest join: a person the platform has never seen.

The ORM path takes a transaction and six queries (insert-if-absent, lock, live check, membership,
event, …). For a brand-new document number one statement suffices, and being one statement it is
atomic without BEGIN/COMMIT round trips: an INSERT … ON CONFLICT DO NOTHING for the person (who,
being new, cannot have a live membership), feeding the membership INSERT, feeding its APPLY event.
When the number is already on file the person INSERT yields no row, nothing else is written, and
the caller takes the ORM path, which gives every other answer. A concurrent join with the same
number waits on the unique index and then finds the first one's row: still one person.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection

from gonghui.common.pii_crypto import seal
from gonghui.members.choices import EventKind, MembershipStatus
from gonghui.members.identity import CheckedApplicant, document_hmac, mobile_hmac
from gonghui.members.models import JoinTarget, Membership, MembershipEvent, Person
from gonghui.orgs.models import OrgNode

_PERSON = Person._meta.db_table
_MEMBERSHIP = Membership._meta.db_table
_EVENT = MembershipEvent._meta.db_table
_ID_AAD = f"{Person._meta.label_lower}.id_number"
_MOBILE_AAD = f"{Person._meta.label_lower}.mobile"
_SQL = f"""
WITH p AS (
    INSERT INTO {_PERSON} (name, id_type, id_number, id_hmac, sex, birth_date, ethnicity, mobile,
        mobile_hmac, hukou, is_migrant_worker, education, political, address, village, emergency_name,
        emergency_phone, name_simplified, name_pinyin, name_initials, created_at, updated_at)
    VALUES (%(name)s, %(id_type)s, %(id_sealed)s, %(id_hmac)s, %(sex)s, %(birth)s, '', %(mobile_sealed)s,
        %(mobile_hmac)s, '', false, '', '', '', %(village)s, '', NULL, %(simplified)s, %(pinyin)s, %(initials)s,
        %(now)s, %(now)s)
    ON CONFLICT (id_hmac) DO NOTHING
    RETURNING id
), m AS (
    INSERT INTO {_MEMBERSHIP} (person_id, org_id, status, source, join_target_id, member_no, card_no,
        applied_at, reject_reason, employer_name, occupation, skill_level, employment_form, platform,
        union_posts, created_at, updated_at)
    SELECT p.id, %(org)s, %(status)s, %(source)s, %(join_target)s, '', '', %(now)s, '', %(employer)s,
        %(occupation)s, '', %(form)s, %(platform)s, '', %(now)s, %(now)s
    FROM p
    RETURNING id, person_id
), e AS (
    INSERT INTO {_EVENT} (membership_id, kind, org_id, actor_id, reason, at)
    SELECT m.id, %(kind)s, %(org)s, %(actor)s, '', %(now)s FROM m
)
SELECT id, person_id FROM m
"""


def insert_new_applicant(
    *,
    checked: CheckedApplicant,
    keys: dict[str, str],
    org: OrgNode,
    source: str,
    join_target: JoinTarget | None,
    details: dict[str, Any],
    actor_id: int | None,
    now: dt.datetime,
) -> Membership | None:
    """The new pending membership, or None when the document number is already on file."""
    mobile = checked.mobile or None
    params = {
        "name": checked.name,
        "id_type": checked.id_type,
        "id_sealed": seal(checked.id_number, aad=_ID_AAD),
        "id_hmac": document_hmac(checked.id_number),
        "sex": checked.sex,
        "birth": checked.birth_date,
        "mobile_sealed": seal(mobile, aad=_MOBILE_AAD) if mobile else None,
        "mobile_hmac": mobile_hmac(mobile) if mobile else None,
        "village": checked.village,
        "simplified": keys["name_simplified"],
        "pinyin": keys["name_pinyin"],
        "initials": keys["name_initials"],
        "now": now,
        "org": org.pk,
        "status": MembershipStatus.PENDING.value,
        "source": source,
        "join_target": join_target.pk if join_target else None,
        "employer": details["employer_name"],
        "occupation": details["occupation"],
        "form": details["employment_form"],
        "platform": details["platform"],
        "kind": EventKind.APPLY.value,
        "actor": actor_id,
    }
    with connection.cursor() as cursor:
        cursor.execute(_SQL, params)
        row = cursor.fetchone()
    if row is None:
        return None
    return Membership(
        pk=row[0],
        person_id=row[1],
        org=org,
        status=MembershipStatus.PENDING,
        source=source,
        join_target=join_target,
        applied_at=now,
        created_at=now,
        updated_at=now,
        **details,
    )
