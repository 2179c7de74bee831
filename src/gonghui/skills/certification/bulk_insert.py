"""Inserting thousands of rows at once: COPY on PostgreSQL, bulk_create elsewhere.

A batch's results write four rows per certified worker (certificate, candidate, level, history); through
model instances that is most of an import's time, so on PostgreSQL the rows go to COPY as tuples, with
ids drawn from the table's own sequence where a later row points at them. The caller runs inside a
transaction; constraints and foreign keys are checked as for any insert.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Model


def _ids(cursor: Any, model: type[Model], count: int) -> list[int]:
    """`count` fresh ids from the table's own sequence, as one array rather than `count` rows."""
    cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [model._meta.db_table])
    sequence = cursor.fetchone()[0]
    cursor.execute("SELECT array_agg(nextval(%s::regclass)) FROM generate_series(1, %s)", [sequence, count])
    return list(cursor.fetchone()[0] or [])


def bulk_insert(
    model: type[Model], columns: Sequence[str], rows: list[tuple[Any, ...]], *, with_ids: bool = False
) -> list[int]:
    """Insert `rows` (values in the order of `columns`, the fields' attnames: "person_id"); return their ids
    in order when `with_ids`, else []."""
    if not rows:
        return []
    if connection.vendor != "postgresql":
        objects = [model(**dict(zip(columns, row, strict=True))) for row in rows]
        made = model._default_manager.bulk_create(objects, batch_size=1000)
        return [obj.pk for obj in made] if with_ids else []
    table = connection.ops.quote_name(model._meta.db_table)
    column_of = {field.attname: field.column for field in model._meta.concrete_fields}
    names = [connection.ops.quote_name(column_of[c]) for c in columns]
    with connection.cursor() as cursor:
        ids = _ids(cursor, model, len(rows)) if with_ids else []
        if with_ids:
            names = [connection.ops.quote_name("id"), *names]
            rows = [(pk, *row) for pk, row in zip(ids, rows, strict=True)]
        raw = cursor.cursor  # psycopg's own cursor: Django's wrapper has no copy()
        # Django's error classes for the driver's (a unique violation is an IntegrityError, as for any insert).
        with connection.wrap_database_errors, raw.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    return ids
