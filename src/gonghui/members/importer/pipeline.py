"""Roster import: read → validate → match existing people → one transaction of bulk inserts.

The file is handled in chunks of CHUNK_ROWS: each chunk is prepared (cleaned,
hashed, sealed — in worker processes for a big file, see workers.py), planned
against the database and what earlier chunks claimed, and written at once.

`all` mode commits nothing if any row is bad; `valid` mode commits the good rows.
Rows whose person is already a live member of the target union are counted as
duplicates and skipped, so importing the same file twice changes nothing. A
person who is a live member elsewhere is rejected with a reason (that is a
transfer, not an import). Everything is written in one transaction: a crash
leaves no partial import. An import is recorded once, in the audit log (file,
counts, who); each imported membership carries source=import rather than a
per-row event, which would double the rows an import writes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from enum import StrEnum
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import CharField, Max, Value
from django.db.models.functions import Cast, Concat, LPad
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.excel.reader import read_sheet
from gonghui.common.models import AuditAction
from gonghui.members.choices import LIVE_STATUSES, JoinSource, MembershipStatus
from gonghui.members.identity import same_person_name
from gonghui.members.importer.columns import COLUMNS
from gonghui.members.importer.copy_writer import CopyWriter, copy_context
from gonghui.members.importer.prepare import Prepared
from gonghui.members.importer.rows import CleanRow, RowError
from gonghui.members.importer.workers import ChunkStream, start_pool
from gonghui.members.models import Membership, Person
from gonghui.members.numbers import ID_DIGITS, may_be_given
from gonghui.members.services import person_keys
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.orgs.services import org_member_count_adjust

BATCH = 2000
CHUNK_ROWS = 20_000
LOOKUP_BATCH = 900  # below SQLite's parameter limit
PG_LOOKUP_BATCH = 20_000  # PostgreSQL takes each batch as one array parameter
PERSON_FIELDS = ("hukou", "is_migrant_worker", "education", "political", "address", "village", "ethnicity")
MEMBERSHIP_FIELDS = ("employer_name", "occupation", "employment_form", "platform", "card_no", "union_posts")


class Mode(StrEnum):
    ALL = "all"
    VALID = "valid"


@dataclass
class ImportResult:
    rows: int = 0
    importable: int = 0
    imported: int = 0
    rejected: int = 0
    duplicates: int = 0  # already members of this union, skipped
    repeats: list[tuple[int, int]] = field(default_factory=list)  # (row, the earlier row of the same person)
    seconds: float = 0.0
    committed: bool = False
    errors: list[RowError] = field(default_factory=list)
    preview: list[dict[str, str]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "importable": self.importable,
            "imported": self.imported,
            "rejected": self.rejected,
            "duplicates": self.duplicates,
            "repeat_count": len(self.repeats),
            "repeats": [{"row": row, "first": first} for row, first in self.repeats[:50]],
            "seconds": round(self.seconds, 3),
            "committed": self.committed,
        }


Tick = Callable[[int], None]


def _existing(hmacs: list[str]) -> tuple[dict[str, tuple[int, str]], dict[int, tuple[int, str]]]:
    """People already on file for these document HMACs, and their live memberships (one array query each)."""
    people: dict[str, tuple[int, str]] = {}
    live: dict[int, tuple[int, str]] = {}
    size = PG_LOOKUP_BATCH if connection.vendor == "postgresql" else LOOKUP_BATCH
    with connection.cursor() as cursor:
        for start in range(0, len(hmacs), size):
            batch = hmacs[start : start + size]
            if connection.vendor == "postgresql":
                # One comma-joined text rather than an array parameter: psycopg quotes array items one by one
                # with a regular expression, which cost more than the look-up itself. Hex digests hold no comma.
                cursor.execute(
                    "SELECT id, id_hmac, name FROM members_person WHERE id_hmac = ANY(string_to_array(%s, ','))",
                    [",".join(batch)],
                )
            else:
                marks = ",".join(["%s"] * len(batch))
                sql = f"SELECT id, id_hmac, name FROM members_person WHERE id_hmac IN ({marks})"  # noqa: S608 - placeholders only
                cursor.execute(sql, batch)
            for pk, hmac_, name in cursor.fetchall():
                people[hmac_] = (pk, name)
    person_ids = [pk for pk, _ in people.values()]
    for start in range(0, len(person_ids), LOOKUP_BATCH):
        for person_id, org_id, org_name in Membership.objects.filter(
            person_id__in=person_ids[start : start + LOOKUP_BATCH], status__in=LIVE_STATUSES
        ).values_list("person_id", "org_id", "org__name"):
            live[person_id] = (org_id, org_name)
    return people, live


class _Planner:
    """Decides, chunk by chunk, which rows become memberships; remembers what earlier chunks claimed."""

    def __init__(self, org: OrgNode, errors: list[RowError]) -> None:
        self.org = org
        self.errors = errors
        # Memberships added from now on get ids, and so numbers (members.numbers), above this one.
        self.last_id: int = Membership.objects.aggregate(last=Max("id"))["last"] or 0
        self.duplicates = 0
        self.importable = 0
        self.preview: list[dict[str, str]] = []
        self.seen_ids: dict[str, int] = {}  # document HMAC → the first row that named it
        self.repeats: list[tuple[int, int]] = []
        self.seen_numbers: set[str] = set()

    def plan(self, rows: list[Prepared]) -> list[tuple[Prepared, int | None]]:
        """(row, existing person id or None) for each row to import; reasons for the rest go to errors."""
        people, live = _existing([row.id_hmac for row in rows])
        numbers = {row.member_no for row in rows if row.member_no}
        taken = (
            set(Membership.objects.filter(member_no__in=numbers).values_list("member_no", flat=True))
            if numbers
            else set()
        )
        accepted: list[tuple[Prepared, int | None]] = []
        for row in rows:
            if row.id_hmac in self.seen_ids:  # the same person twice in one file: the first row counts
                self.repeats.append((row.number, self.seen_ids[row.id_hmac]))
                continue
            self.seen_ids[row.id_hmac] = row.number
            person = people.get(row.id_hmac)
            if (
                person
                and person[0] in live
                and live[person[0]][0] == self.org.pk
                and same_person_name(person[1], row.name)
            ):
                self.duplicates += 1
                continue
            problem = self._problem(row, person, live, taken)
            if problem:
                self.errors.append(problem)
                continue
            if row.member_no:
                self.seen_numbers.add(row.member_no)
            accepted.append((row, person[0] if person else None))
        self.importable += len(accepted)
        for row, _person in accepted[: 10 - len(self.preview)]:
            masked, employer, joined = row.preview
            self.preview.append(
                {
                    "row": str(row.number),
                    "name": row.name,
                    "id_number": masked,
                    "employer": employer,
                    "joined_on": joined,
                }
            )
        return accepted

    def _problem(
        self, row: Prepared, person: tuple[int, str] | None, live: dict[int, tuple[int, str]], taken: set[str]
    ) -> RowError | None:
        if person and not same_person_name(person[1], row.name):
            reason = _("该身份证号码已登记的姓名是“%(name)s”，与表中不一致。") % {
                "name": person[1][0] + "*" * (len(person[1]) - 1)
            }
            return RowError(row.number, "id_number", "", reason)
        if person and person[0] in live:
            reason = _("已是%(org)s会员或正在申请，请办理转会，不能重复入会。") % {"org": live[person[0]][1]}
            return RowError(row.number, "id_number", "", reason)
        if row.member_no and (row.member_no in taken or row.member_no in self.seen_numbers):
            return RowError(row.number, "member_no", "", _("会员编号“%(no)s”已被使用。") % {"no": row.member_no})
        if row.member_no and may_be_given(row.member_no, region=self.org.region_id, above=self.last_id):
            # A numberless row of this very file could be given it: the unique index would undo the whole import.
            reason = _("会员编号“%(no)s”与系统自动编号的格式相同，可能与新会员的编号重复，请换一个编号。")
            return RowError(row.number, "member_no", "", reason % {"no": row.member_no})
        return None


class _OrmWriter:
    """SQLite (and any other database): bulk_create in batches."""

    def __init__(self, org: OrgNode) -> None:
        self.org = org
        self.now = timezone.now()
        self.today = timezone.localdate()

    def finish(self) -> None:
        pass

    def write(self, entries: list[tuple[Prepared, int | None]]) -> int:
        rows = [(row.clean, person_id) for row, person_id in entries if row.clean is not None]  # kept off COPY
        new_people = [(clean, Person(**_person_values(clean))) for clean, person_id in rows if person_id is None]
        for start in range(0, len(new_people), BATCH):
            Person.objects.bulk_create([p for _, p in new_people[start : start + BATCH]])
        created = {clean.id_hmac: p.pk for clean, p in new_people}
        memberships = [
            Membership(
                person_id=person_id or created[clean.id_hmac],
                org=self.org,
                status=MembershipStatus.ACTIVE,
                source=JoinSource.IMPORT,
                applied_at=self.now,
                joined_on=clean.fields["joined_on"] or self.today,
                member_no=clean.fields["member_no"],
                **{k: clean.fields[k] for k in MEMBERSHIP_FIELDS},
            )
            for clean, person_id in rows
        ]
        for start in range(0, len(memberships), BATCH):
            batch = Membership.objects.bulk_create(memberships[start : start + BATCH])
            Membership.objects.filter(pk__in=[m.pk for m in batch], member_no="").update(
                member_no=Concat(Value(self.org.region_id), LPad(Cast("id", CharField()), ID_DIGITS, Value("0")))
            )
        return len(memberships)


def _person_values(row: CleanRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "id_number": row.id_number,
        "mobile": row.mobile,  # "" is stored as NULL by the PII field
        "sex": row.sex,
        "birth_date": row.birth_date,
        **{k: row.fields[k] for k in PERSON_FIELDS},
        **person_keys(row.name),
    }


def _chunks(source: bytes | IO[bytes], filename: str, *, org: OrgNode, use_copy: bool) -> tuple[int, ChunkStream]:
    """The sheet's rows (how many, blank ones too), to be prepared in chunks: in worker processes for a big
    file, in-process otherwise."""
    data = source if isinstance(source, bytes) else source.read()
    today = timezone.localdate()
    context = copy_context(org_id=org.pk, now=timezone.now(), today=today) if use_copy else None
    parallel = settings.IMPORT_WORKERS > 1 and len(data) >= settings.IMPORT_PARALLEL_MIN_BYTES
    pool = (
        start_pool(settings.IMPORT_WORKERS, translation.get_language() or settings.LANGUAGE_CODE) if parallel else None
    )
    try:
        sheet = read_sheet(data, filename, COLUMNS)
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    return len(sheet.cells), ChunkStream(sheet, chunk_rows=CHUNK_ROWS, today=today, context=context, pool=pool)


def roster_import(
    *,
    actor: Any,
    org: OrgNode,
    source: bytes | IO[bytes],
    filename: str,
    mode: Mode = Mode.ALL,
    dry_run: bool = False,
    tick: Tick | None = None,
    on_total: Tick | None = None,
) -> ImportResult:
    """Validate, and unless dry_run (or a bad row in `all` mode) write the roster into `org`."""
    require(actor, org, Perm.ORG_EDIT)
    started = time.perf_counter()
    tick = tick or (lambda n: None)
    use_copy = connection.vendor == "postgresql"
    total, chunks = _chunks(source, filename, org=org, use_copy=use_copy)
    result = ImportResult()
    if on_total:
        on_total(total)
    writer = CopyWriter(org_id=org.pk, region=org.region_id) if use_copy else _OrmWriter(org)
    planner = _Planner(org, result.errors)
    try:
        # Rows are written as their chunk is planned, so the database works while later chunks are still being
        # prepared; whether to keep them is decided at the end, and undoing them is the transaction's job. A dry
        # run writes nothing and takes no transaction: on SQLite that would hold the only write lock for the
        # whole run, keeping out every other writer, the job's progress bar included.
        with nullcontext() if dry_run else transaction.atomic():
            for chunk in chunks:
                result.rows += chunk.read
                result.errors.extend(chunk.errors)
                accepted = planner.plan(chunk.rows)
                if not dry_run and not (mode == Mode.ALL and result.errors):
                    result.imported += writer.write(accepted)
                tick(chunk.seen)
            writer.finish()
            result.duplicates, result.repeats, result.importable, result.preview = (
                planner.duplicates,
                planner.repeats,
                planner.importable,
                planner.preview,
            )
            result.rejected = len({e.number for e in result.errors})
            if dry_run or (mode == Mode.ALL and result.rejected) or not result.imported:
                if not dry_run:  # a dry run wrote nothing and holds no transaction
                    transaction.set_rollback(True)
                result.imported = 0
            else:
                org_member_count_adjust(org_id=org.pk, delta=result.imported)
                audit_record(
                    actor=actor,
                    action=AuditAction.CREATE,
                    target=org,
                    org=org,
                    detail={"import": filename, **result.summary(), "committed": True},
                )
                result.committed = True
    except IntegrityError as exc:
        raise ValidationError(_("导入期间名册被其他操作修改，本次导入已全部撤销，请重新导入。")) from exc
    finally:
        chunks.close()  # stops the worker processes if the import ended early
    result.errors.sort(key=lambda e: e.number)
    result.seconds = time.perf_counter() - started
    return result
