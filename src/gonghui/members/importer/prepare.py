"""Row-local import work: clean, hash, and (for COPY) seal and format each row. No database access.

Everything here depends on one row only, so it can run in worker processes
(see workers.py); what crosses back to the importing process is a small
`Prepared` record per row, with the COPY text already built.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from gonghui.common.excel.reader import Row
from gonghui.common.masking import mask_idcard
from gonghui.members.identity import document_hmac
from gonghui.members.importer.copy_writer import membership_tail, person_tails
from gonghui.members.importer.rows import CleanRow, RowError, clean_row


class Prepared(NamedTuple):
    number: int
    name: str
    id_hmac: str
    member_no: str
    preview: tuple[str, str, str]  # masked ID, employer, join date: what the dry-run preview shows
    person_copy: bytes  # COPY text of the person row after its id ("" off the COPY path)
    membership_copy: bytes  # COPY text of the membership row after id, person and member number
    clean: CleanRow | None  # the whole row, kept only off the COPY path


class Chunk(NamedTuple):
    rows: list[Prepared]
    errors: list[RowError]
    read: int  # rows with data, good or bad
    seen: int  # sheet rows covered, blank ones too (for the progress bar)


def prepare_rows(
    rows: list[Row], *, today: dt.date, copy_context: dict[str, str] | None, seen: int | None = None
) -> Chunk:
    """Clean `rows`; with a copy_context (org id, timestamps) also build their COPY text.

    `seen`: how many sheet rows these came from, blank ones included (default: len(rows)).
    """
    cleaned: list[CleanRow] = []
    errors: list[RowError] = []
    for row in rows:
        clean, problems = clean_row(row.number, row.values, today=today)
        if clean is None:
            errors.extend(problems)
        else:
            cleaned.append(clean)
    for clean in cleaned:  # in its own loop, like the sealing in person_tails: see there why
        clean.id_hmac = document_hmac(clean.id_number)
    if copy_context is None:
        prepared = [_prepared(clean, b"", b"", clean) for clean in cleaned]
    else:
        people = person_tails(cleaned, copy_context)
        prepared = [
            _prepared(clean, person, membership_tail(clean, copy_context), None)
            for clean, person in zip(cleaned, people, strict=True)
        ]
    return Chunk(prepared, errors, len(rows), len(rows) if seen is None else seen)


def _prepared(clean: CleanRow, person: bytes, membership: bytes, keep: CleanRow | None) -> Prepared:
    fields = clean.fields
    preview = (mask_idcard(clean.id_number), fields["employer_name"], str(fields["joined_on"] or ""))
    return Prepared(clean.number, clean.name, clean.id_hmac, fields["member_no"], preview, person, membership, keep)
