"""PostgreSQL write path for roster imports: ids from the sequence, then COPY straight into the tables.

Django's bulk_create spends most of an import building SQL parameters row by
row. Here each row's COPY text is built once, next to its validation (possibly
in a worker process): everything but the ids, which are drawn from the tables'
own sequences per chunk, with member numbers computed from them. No staging
tables, no second write, no RETURNING round trip.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, connection
from django.db.models import Model

from gonghui.common.pii_crypto import seal
from gonghui.common.search_keys import search_keys
from gonghui.members.choices import IdType, JoinSource, MembershipStatus
from gonghui.members.identity import mobile_hmac
from gonghui.members.models import Membership, Person
from gonghui.members.numbers import given_member_no
from gonghui.orgs.models import OrgNode

PERSON_COLUMNS = (
    "id",  # written by CopyWriter; the rest by person_tail
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
    "id",  # these three written by CopyWriter; the rest by membership_tail
    "person_id",
    "member_no",
    "org_id",
    "status",
    "source",
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


# COPY text format: tab between columns, \\N for NULL, and these characters escaped inside values.
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_NULL = "\\N"
_ID_AAD = f"{Person._meta.label_lower}.id_number"
_MOBILE_AAD = f"{Person._meta.label_lower}.mobile"
_PERSON, _ORG = Person._meta.db_table, OrgNode._meta.db_table
# Enum members' .value goes through a descriptor: read once here, not for every row.
_RESIDENT = IdType.RESIDENT.value
_ACTIVE = MembershipStatus.ACTIVE.value
_IMPORTED = JoinSource.IMPORT.value


def _line(values: tuple[str | None, ...]) -> bytes:
    """One COPY text line. Cleaned cells hardly ever hold a backslash, tab or newline, so the line is joined
    first and checked once; only a line that fails the check is escaped value by value."""
    line = "\t".join([_NULL if v is None else v for v in values])
    nulls = values.count(None)
    if line.count("\\") != nulls or line.count("\t") != len(values) - 1 or "\n" in line or "\r" in line:
        line = "\t".join([_NULL if v is None else v.translate(_ESCAPES) for v in values])
    return (line + "\n").encode()


def copy_context(*, org_id: int, now: dt.datetime, today: dt.date) -> dict[str, str]:
    """What every row of one import shares, as COPY text (plain strings: it crosses to worker processes)."""
    return {"org_id": str(org_id), "now": now.isoformat(), "today": today.isoformat()}


def person_tails(rows: list[Any], context: dict[str, str]) -> list[bytes]:
    """Each person's COPY line after its id, sealed and hashed.

    Column by column rather than row by row: sealing and hashing a million values in tight loops keeps
    OpenSSL's working set in the CPU caches, and measured a third faster than interleaving them with
    the rest of each row's work.
    """
    id_tokens = [seal(row.id_number, aad=_ID_AAD) for row in rows]
    mobiles = [row.mobile for row in rows]
    mobile_tokens = [seal(m, aad=_MOBILE_AAD) if m else None for m in mobiles]
    mobile_keys = [mobile_hmac(m) if m else None for m in mobiles]
    now = context["now"]
    lines = []
    for row, id_token, mobile_token, mobile_key in zip(rows, id_tokens, mobile_tokens, mobile_keys, strict=True):
        f = row.fields
        keys = search_keys(row.name)
        values = (
            row.name,
            _RESIDENT,
            id_token,
            row.id_hmac,
            row.sex,
            row.birth_date.isoformat(),
            f["ethnicity"],
            mobile_token,
            mobile_key,
            f["hukou"],
            "t" if f["is_migrant_worker"] else "f",
            f["education"],
            f["political"],
            f["address"],
            f["village"],
            "",
            keys.simplified,
            keys.pinyin,
            keys.initials,
            now,
            now,
        )
        lines.append(_line(values))
    return lines


def membership_tail(row: Any, context: dict[str, str]) -> bytes:
    """The membership's COPY line after id, person and member number."""
    f = row.fields
    joined = f["joined_on"]
    values = (
        context["org_id"],
        _ACTIVE,
        _IMPORTED,
        f["card_no"],
        context["now"],
        joined.isoformat() if joined else context["today"],
        "",
        f["employer_name"],
        f["occupation"],
        "",
        f["employment_form"],
        f["platform"],
        f["union_posts"],
        context["now"],
        context["now"],
    )
    return _line(values)


def may_switch_off_row_triggers(cursor: Any) -> bool:
    """Whether this database role may set session_replication_role (a superuser, or granted SET on PG 15+)."""
    if connection.pg_version >= 150000:  # type: ignore[attr-defined]
        cursor.execute("SELECT has_parameter_privilege('session_replication_role', 'SET')")
    else:
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
    return bool(cursor.fetchone()[0])


class CopyWriter:
    """Streams prepared rows into one union, chunk by chunk, inside the caller's transaction.

    Foreign keys (ADR 0006): checking them row by row costs PostgreSQL as much as writing the rows. A
    membership written here points at the union, locked once, and at people who are either written by this
    import or locked here — exactly the locks PostgreSQL's own checks take — so where the database role
    may switch row triggers off (`session_replication_role`), the import does for the chunk what the
    per-row checks would, and switches them back on in finish(). Otherwise the ordinary checks run.
    """

    def __init__(self, *, org_id: int, region: str) -> None:
        self.org_id = org_id
        self.region = region
        self.started = False
        self.triggers_off = False
        self.sequences: dict[type[Model], str] = {}  # looked up once per import, not once per chunk
        self.people_sql = f"COPY {Person._meta.db_table} ({', '.join(PERSON_COLUMNS)}) FROM STDIN"
        self.memberships_sql = f"COPY {Membership._meta.db_table} ({', '.join(MEMBERSHIP_COLUMNS)}) FROM STDIN"

    def write(self, entries: list[tuple[Any, int | None]]) -> int:
        """entries: (Prepared, existing person id or None); returns memberships written."""
        if not entries:
            return 0
        new = [prepared for prepared, person_id in entries if person_id is None]
        with connection.cursor() as cursor:
            if not self.started:
                self._start(cursor)
            if self.triggers_off:
                self._lock_people(cursor, [person_id for _, person_id in entries if person_id is not None])
            raw = cursor.connection.cursor()
            created: dict[str, int] = {}
            if new:
                lines = []
                for pk, prepared in zip(self._ids(cursor, Person, len(new)), new, strict=True):
                    created[prepared.id_hmac] = pk
                    lines.append(b"%d\t%b" % (pk, prepared.person_copy))
                with raw.copy(self.people_sql) as copy:
                    copy.write(b"".join(lines))
            lines = []
            for pk, (prepared, person_id) in zip(self._ids(cursor, Membership, len(entries)), entries, strict=True):
                from_file = prepared.member_no.translate(_ESCAPES) if prepared.member_no else ""
                number = from_file or given_member_no(self.region, pk)
                owner = person_id or created[prepared.id_hmac]
                lines.append(b"%d\t%d\t%b\t%b" % (pk, owner, number.encode(), prepared.membership_copy))
            with raw.copy(self.memberships_sql) as copy:
                copy.write(b"".join(lines))
        return len(entries)

    def finish(self) -> None:
        """Back to ordinary checks for whatever the transaction writes next (audit, counters)."""
        if self.triggers_off:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = DEFAULT")
            self.triggers_off = False

    def _start(self, cursor: Any) -> None:
        self.started = True
        cursor.execute(f"SELECT 1 FROM {_ORG} WHERE id = %s FOR KEY SHARE", [self.org_id])  # noqa: S608 - constant
        if cursor.fetchone() is None:
            raise IntegrityError("the union of the import is gone")
        if may_switch_off_row_triggers(cursor):
            cursor.execute("SET LOCAL session_replication_role = replica")
            self.triggers_off = True

    def _lock_people(self, cursor: Any, person_ids: list[int]) -> None:
        """What the foreign-key check does for each membership of a person already on file: lock them in."""
        if not person_ids:
            return
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {_PERSON} WHERE id = ANY(%s) FOR KEY SHARE) locked",  # noqa: S608
            [sorted(set(person_ids))],
        )
        if cursor.fetchone()[0] != len(set(person_ids)):
            raise IntegrityError("a person of the import was removed meanwhile")

    def _ids(self, cursor: Any, model: type[Model], count: int) -> list[int]:
        """`count` fresh ids from the table's own sequence, as one array rather than `count` rows."""
        if model not in self.sequences:
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [model._meta.db_table])
            self.sequences[model] = cursor.fetchone()[0]
        # The sequence is a constant here: pg_get_serial_sequence inside the per-row call cost ten times the nextval.
        cursor.execute(
            "SELECT array_agg(nextval(%s::regclass)) FROM generate_series(1, %s)", [self.sequences[model], count]
        )
        return list(cursor.fetchone()[0])
