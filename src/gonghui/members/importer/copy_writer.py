"""PostgreSQL write path for roster imports: ids from the sequence, then COPY straight into the tables.

Django's bulk_create spends most of an import building SQL parameters row by
row. Here ids are drawn from the tables' own sequences in one query, member
numbers are computed from them, and the already-sealed rows are streamed with
COPY: no staging tables, no second write, no RETURNING round trip.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from gonghui.common.pii_crypto import seal
from gonghui.members.choices import JoinSource, MembershipStatus
from gonghui.members.identity import mobile_hmac
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys

PERSON_COLUMNS = (
    "id",
    "name",
    "id_type",
    "id_number",
    "id_hmac",
    "sex",
    "birth_date",
    "ethnicity",
    "mobile",
    "mobile_hmac",
    "hukou",
    "is_migrant_worker",
    "education",
    "political",
    "address",
    "village",
    "emergency_name",
    "name_simplified",
    "name_pinyin",
    "name_initials",
    "created_at",
    "updated_at",
)
MEMBERSHIP_COLUMNS = (
    "id",
    "person_id",
    "org_id",
    "status",
    "source",
    "member_no",
    "card_no",
    "applied_at",
    "joined_on",
    "reject_reason",
    "employer_name",
    "occupation",
    "skill_level",
    "employment_form",
    "platform",
    "union_posts",
    "created_at",
    "updated_at",
)


def _aad(model: type[Model], field: str) -> str:
    return f"{model._meta.label_lower}.{field}"


def _allocate_ids(cursor: Any, model: type[Model], count: int) -> list[int]:
    table = model._meta.db_table
    cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count])
    return [row[0] for row in cursor.fetchall()]


def copy_people(rows: list[Any], *, now: dt.datetime) -> dict[str, int]:
    """Insert new people; returns {id_hmac: person id}."""
    if not rows:
        return {}
    id_aad, mobile_aad = _aad(Person, "id_number"), _aad(Person, "mobile")
    created: dict[str, int] = {}
    with connection.cursor() as cursor:
        ids = _allocate_ids(cursor, Person, len(rows))
        columns = ", ".join(PERSON_COLUMNS)
        with cursor.connection.cursor().copy(f"COPY {Person._meta.db_table} ({columns}) FROM STDIN") as copy:
            for pk, row in zip(ids, rows, strict=True):
                keys = person_keys(row.name)
                f = row.fields
                copy.write_row(
                    (
                        pk,
                        row.name,
                        "resident",
                        seal(row.id_number, aad=id_aad),
                        row.id_hmac,
                        row.sex,
                        row.birth_date,
                        f["ethnicity"],
                        seal(row.mobile, aad=mobile_aad) if row.mobile else None,
                        mobile_hmac(row.mobile) if row.mobile else None,
                        f["hukou"],
                        f["is_migrant_worker"],
                        f["education"],
                        f["political"],
                        f["address"],
                        f["village"],
                        "",
                        keys["name_simplified"],
                        keys["name_pinyin"],
                        keys["name_initials"],
                        now,
                        now,
                    )
                )
                created[row.id_hmac] = pk
    return created


def copy_memberships(entries: list[tuple[Any, int]], *, org_id: int, region: str, now: dt.datetime) -> int:
    """Insert active memberships, numbering the unnumbered from their ids; returns the count."""
    if not entries:
        return 0
    today = timezone.localdate()
    with connection.cursor() as cursor:
        ids = _allocate_ids(cursor, Membership, len(entries))
        columns = ", ".join(MEMBERSHIP_COLUMNS)
        with cursor.connection.cursor().copy(f"COPY {Membership._meta.db_table} ({columns}) FROM STDIN") as copy:
            for pk, (row, person_id) in zip(ids, entries, strict=True):
                f = row.fields
                copy.write_row(
                    (
                        pk,
                        person_id,
                        org_id,
                        MembershipStatus.ACTIVE.value,
                        JoinSource.IMPORT.value,
                        f["member_no"] or f"{region}{pk:08d}",
                        f["card_no"],
                        now,
                        f["joined_on"] or today,
                        "",
                        f["employer_name"],
                        f["occupation"],
                        "",
                        f["employment_form"],
                        f["platform"],
                        f["union_posts"],
                        now,
                        now,
                    )
                )
    return len(entries)
