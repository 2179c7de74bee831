"""Preparing a big roster in worker processes, chunk by chunk, handed back in file order.

The importing process reads the file (once: parsing a sheet is a large share
of the work) and sends row chunks to the workers, which clean, hash, seal and
format them while it plans and writes earlier chunks. Workers are spawned, not
forked: the importing process may be a job worker or a web server with threads
and open database connections, which a fork would copy mid-use. Workers never
touch the database.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Iterator
from multiprocessing.pool import Pool
from typing import Any

from gonghui.common.excel.reader import Sheet


def _setup(language: str) -> None:
    # Runs first in a fresh interpreter: Django must be set up before any model module is imported.
    import django

    django.setup()
    from django.utils import translation

    translation.activate(language)


Task = tuple[list[list[Any]], dict[str, int], int, dt.date, dict[str, str] | None]


def _prepare(task: Task) -> Any:
    from gonghui.common.excel.reader import build_rows
    from gonghui.members.importer.prepare import prepare_rows  # imports models: only after _setup in a worker

    cells, columns, first_number, today, context = task
    rows = build_rows(cells, columns, first_number=first_number)
    return prepare_rows(rows, today=today, copy_context=context, seen=len(cells))


def start_pool(workers: int, language: str) -> Pool:
    """Start the workers early: they set Django up while the file is being read."""
    return multiprocessing.get_context("spawn").Pool(workers, initializer=_setup, initargs=(language,))


class ChunkStream:
    """Prepared chunks of a sheet's rows in file order, from a pool or in-process; close() stops the pool.

    A task carries raw cells, not Row objects: building the rows is work the workers can share, and lists
    of cells cost less to send.
    """

    def __init__(
        self, sheet: Sheet, *, chunk_rows: int, today: dt.date, context: dict[str, str] | None, pool: Pool | None
    ) -> None:
        cells, columns, first = sheet.cells, sheet.columns, sheet.header_row + 1
        self.tasks: list[Task] = [
            (cells[start : start + chunk_rows], columns, first + start, today, context)
            for start in range(0, len(cells), chunk_rows)
        ]
        self.pool = pool

    def __iter__(self) -> Iterator[Any]:
        if self.pool is None:
            return map(_prepare, self.tasks)
        return self.pool.imap(_prepare, self.tasks)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()  # also when the import fails or stops early: no worker outlives it
