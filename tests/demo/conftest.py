"""The full demo (`seed_demo`), seeded once for every test in this package.

Seeding takes about half a minute, so the package seeds it once, in a transaction that is rolled back when the
package ends: no test outside tests/demo/ ever sees the demo rows (pytest runs a directory's tests one after
another). Each test takes `demo, db`, so whatever it writes runs in its own savepoint and is undone before the next.
Keep these tests plain `db` tests: pytest-django runs transactional tests after the others, and a plugin that
shuffles modules (pytest-randomly) would split the package and seed the demo once per piece.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction

PASSWORD = "demo-pass-1"


@dataclass(frozen=True)
class Demo:
    password: str  # the demo users' password
    output: str  # what seed_demo printed: the counts and the demo logins


@pytest.fixture(scope="package")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[Demo]:
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            out = StringIO()
            call_command("seed_demo", password=PASSWORD, stdout=out)
            # The demo's foreign keys are checked here, once. Left deferred, PostgreSQL would check them all again
            # at every test's teardown (about 3 s each): a test's savepoint rollback puts them back in the queue.
            connection.check_constraints()
            yield Demo(password=PASSWORD, output=out.getvalue())
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
