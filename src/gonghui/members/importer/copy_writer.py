"""PostgreSQL write path for roster imports: COPY into temporary staging tables, then set-based INSERTs.

Django's bulk_create spends most of an import building SQL parameters row by
row; COPY streams the already-sealed values instead, and member numbers are
produced by the same statement that inserts the rows.
"""

# ruff: noqa: S608 - SQL text is built only from the constant column and table names below; values are parameters.
from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from gonghui.common.pii_crypto import blind_index, seal
from gonghui.members.choices import JoinSource, MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys

PERSON_COLUMNS = (
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
    "person_id",
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


def copy_people(rows: list[Any], *, now: dt.datetime) -> dict[str, int]:
    """Insert new people; returns {id_hmac: person id}."""
    id_aad, mobile_aad = _aad(Person, "id_number"), _aad(Person, "mobile")
    columns = ", ".join(PERSON_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE import_person ON COMMIT DROP AS SELECT {columns} FROM members_person WITH NO DATA"
        )
        with cursor.connection.cursor().copy(f"COPY import_person ({columns}) FROM STDIN") as copy:
            for row in rows:
                keys = person_keys(row.name)
                copy.write_row(
                    (
                        row.name,
                        "resident",
                        seal(row.id_number, aad=id_aad),
                        row.id_hmac,
                        row.sex,
                        row.birth_date,
                        row.fields["ethnicity"],
                        seal(row.mobile, aad=mobile_aad) if row.mobile else None,
                        blind_index(row.mobile, purpose="mobile") if row.mobile else None,
                        row.fields["hukou"],
                        row.fields["is_migrant_worker"],
                        row.fields["education"],
                        row.fields["political"],
                        row.fields["address"],
                        row.fields["village"],
                        "",
                        keys["name_simplified"],
                        keys["name_pinyin"],
                        keys["name_initials"],
                        now,
                        now,
                    )
                )
        cursor.execute(
            f"INSERT INTO members_person ({columns}) SELECT {columns} FROM import_person RETURNING id, id_hmac"
        )
        return {hmac_: pk for pk, hmac_ in cursor.fetchall()}


def copy_memberships(entries: list[tuple[Any, int]], *, org_id: int, region: str, now: dt.datetime) -> int:
    """Insert active memberships, numbering the unnumbered; returns the count."""
    today = timezone.localdate()
    columns = ", ".join(MEMBERSHIP_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE import_membership ON COMMIT DROP AS SELECT {columns} FROM members_membership "
            "WITH NO DATA"
        )
        with cursor.connection.cursor().copy(f"COPY import_membership ({columns}) FROM STDIN") as copy:
            for row, person_id in entries:
                f = row.fields
                copy.write_row(
                    (
                        person_id,
                        MembershipStatus.ACTIVE.value,
                        JoinSource.IMPORT.value,
                        f["member_no"],
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
        selected = columns.replace(
            "member_no", "CASE WHEN member_no = '' THEN %s || lpad(new_id::text, 8, '0') ELSE member_no END"
        )
        cursor.execute(
            f"""
            WITH staged AS (
                SELECT nextval(pg_get_serial_sequence('{Membership._meta.db_table}', 'id')) AS new_id, *
                FROM import_membership
            )
            INSERT INTO {Membership._meta.db_table} (id, org_id, {columns})
            SELECT new_id, %s, {selected} FROM staged
            """,
            [org_id, region],
        )
        return int(cursor.rowcount)
