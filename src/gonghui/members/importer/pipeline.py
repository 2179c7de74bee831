"""Roster import: read → validate → match existing people → one transaction of bulk inserts.

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
from dataclasses import dataclass, field
from enum import StrEnum
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat, LPad
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.audit import audit_record
from gonghui.common.excel.reader import read_table
from gonghui.common.models import AuditAction
from gonghui.members.choices import LIVE_STATUSES, JoinSource, MembershipStatus
from gonghui.members.identity import document_hmac, same_person_name
from gonghui.members.importer.columns import COLUMNS
from gonghui.members.importer.copy_writer import copy_memberships, copy_people
from gonghui.members.importer.rows import CleanRow, RowError, clean_row
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.orgs.services import org_member_count_adjust

BATCH = 2000
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
    duplicates: int = 0
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
            "seconds": round(self.seconds, 3),
            "committed": self.committed,
        }


Tick = Callable[[int], None]


@dataclass
class _Plan:
    to_create: list[tuple[CleanRow, int | None]] = field(default_factory=list)  # (row, existing person id)
    duplicates: int = 0


def _existing(hmacs: list[str]) -> tuple[dict[str, tuple[int, str]], dict[int, tuple[int, str]]]:
    """People already on file for these document HMACs, and their live memberships (one array query each)."""
    people: dict[str, tuple[int, str]] = {}
    live: dict[int, tuple[int, str]] = {}
    size = PG_LOOKUP_BATCH if connection.vendor == "postgresql" else LOOKUP_BATCH
    with connection.cursor() as cursor:
        for start in range(0, len(hmacs), size):
            batch = hmacs[start : start + size]
            if connection.vendor == "postgresql":
                cursor.execute("SELECT id, id_hmac, name FROM members_person WHERE id_hmac = ANY(%s)", [batch])
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


def _plan(org: OrgNode, rows: list[CleanRow], errors: list[RowError]) -> _Plan:
    plan = _Plan()
    for row in rows:
        row.id_hmac = document_hmac(row.id_number)
    people, live = _existing([row.id_hmac for row in rows])
    numbers = {r.fields["member_no"] for r in rows if r.fields["member_no"]}
    taken = (
        set(Membership.objects.filter(member_no__in=numbers).values_list("member_no", flat=True)) if numbers else set()
    )
    seen_ids: set[str] = set()
    seen_numbers: set[str] = set()
    for row in rows:
        if row.id_number in seen_ids:
            plan.duplicates += 1  # the same person twice in one file
            continue
        seen_ids.add(row.id_number)
        person = people.get(row.id_hmac)
        reason = ""
        if person and not same_person_name(person[1], row.name):
            reason = _("该身份证号码已登记的姓名是“%(name)s”，与表中不一致。") % {
                "name": person[1][0] + "*" * (len(person[1]) - 1)
            }
        elif person and person[0] in live:
            org_id, org_name = live[person[0]]
            if org_id == org.pk:
                plan.duplicates += 1
                continue
            reason = _("已是%(org)s会员或正在申请，请办理转会，不能重复入会。") % {"org": org_name}
        number = row.fields["member_no"]
        if not reason and number and (number in taken or number in seen_numbers):
            reason = _("会员编号“%(no)s”已被使用。") % {"no": number}
        if reason:
            errors.append(RowError(row.number, "id_number" if "会员编号" not in reason else "member_no", "", reason))
            continue
        if number:
            seen_numbers.add(number)
        plan.to_create.append((row, person[0] if person else None))
    return plan


def _write(org: OrgNode, plan: _Plan, actor: Any, tick: Tick) -> int:
    if connection.vendor == "postgresql":
        return _write_copy(org, plan, actor, tick)
    return _write_orm(org, plan, actor, tick)


def _write_copy(org: OrgNode, plan: _Plan, actor: Any, tick: Tick) -> int:
    now = timezone.now()
    created = copy_people([row for row, person_id in plan.to_create if person_id is None], now=now)
    entries = [(row, person_id or created[row.id_hmac]) for row, person_id in plan.to_create]
    count = copy_memberships(entries, org_id=org.pk, region=org.region_id, now=now)
    tick(count)
    org_member_count_adjust(org_id=org.pk, delta=count)
    return count


def _write_orm(org: OrgNode, plan: _Plan, actor: Any, tick: Tick) -> int:
    """SQLite (and any other database): bulk_create in batches."""
    now = timezone.now()
    today = timezone.localdate()
    new_people = [
        (
            row,
            Person(
                name=row.name,
                id_number=row.id_number,
                mobile=row.mobile,  # "" is stored as NULL by the PII field
                sex=row.sex,
                birth_date=row.birth_date,
                **{k: row.fields[k] for k in PERSON_FIELDS},
                **person_keys(row.name),
            ),
        )
        for row, person_id in plan.to_create
        if person_id is None
    ]
    for start in range(0, len(new_people), BATCH):
        Person.objects.bulk_create([p for _, p in new_people[start : start + BATCH]])
    person_ids = {row.number: p.pk for row, p in new_people}
    memberships = [
        Membership(
            person_id=person_id or person_ids[row.number],
            org=org,
            status=MembershipStatus.ACTIVE,
            source=JoinSource.IMPORT,
            applied_at=now,
            joined_on=row.fields["joined_on"] or today,
            member_no=row.fields["member_no"],
            **{k: row.fields[k] for k in MEMBERSHIP_FIELDS},
        )
        for row, person_id in plan.to_create
    ]
    for start in range(0, len(memberships), BATCH):
        batch = Membership.objects.bulk_create(memberships[start : start + BATCH])
        Membership.objects.filter(pk__in=[m.pk for m in batch], member_no="").update(
            member_no=Concat(Value(org.region_id), LPad(Cast("id", CharField()), 8, Value("0")))
        )
        tick(len(batch))
    org_member_count_adjust(org_id=org.pk, delta=len(memberships))
    return len(memberships)


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
    table = read_table(source, filename, COLUMNS)
    result = ImportResult(rows=len(table.rows))
    if on_total:
        on_total(len(table.rows))
    clean: list[CleanRow] = []
    today = timezone.localdate()
    for row in table.rows:
        ok, problems = clean_row(row.number, row.values, today=today)
        if ok is None:
            result.errors.extend(problems)
        else:
            clean.append(ok)
    plan = _plan(org, clean, result.errors)
    result.duplicates = plan.duplicates
    result.importable = len(plan.to_create)
    result.rejected = len({e.number for e in result.errors})
    result.preview = [
        {
            "row": str(r.number),
            "name": r.name,
            "id_number": r.id_number[:6] + "********" + r.id_number[-4:],
            "employer": r.fields["employer_name"],
            "joined_on": str(r.fields["joined_on"] or ""),
        }
        for r, _ in plan.to_create[:10]
    ]
    blocked = mode == Mode.ALL and result.rejected > 0
    if not dry_run and not blocked and plan.to_create:
        try:
            with transaction.atomic():
                result.imported = _write(org, plan, actor, tick)
                audit_record(
                    actor=actor,
                    action=AuditAction.CREATE,
                    target=org,
                    org=org,
                    detail={"import": filename, **result.summary(), "imported": result.imported},
                )
        except IntegrityError as exc:
            raise ValidationError(_("导入期间名册被其他操作修改，本次导入已全部撤销，请重新导入。")) from exc
        result.committed = True
    result.seconds = time.perf_counter() - started
    return result
