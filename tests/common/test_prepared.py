"""The fast paths' one statement is really prepared on PostgreSQL: planned once per connection, then only
executed (Django turns psycopg's preparing off for its own queries, so the helper must lend the threshold)."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection

from gonghui.common.prepared import fetch_one_prepared

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

SQL = "SELECT %(n)s::int + 1 AS next /* test_prepared */"


def _prepared_here() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s", ["%test_prepared%"])
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def persistent(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections kept between requests, as production runs (DB_CONN_MAX_AGE)."""
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 600)


def test_the_statement_is_prepared_once_and_reused(persistent: None) -> None:
    assert fetch_one_prepared(SQL, {"n": 1}) == (2,)
    assert fetch_one_prepared(SQL, {"n": 41}) == (42,)
    assert len(_prepared_here()) == 1  # one server-side statement for both calls, not a parse per call
    assert connection.connection.prepare_threshold is None  # Django's own queries stay unprepared


def test_without_persistent_connections_nothing_is_prepared_for_one_use() -> None:
    assert connection.settings_dict["CONN_MAX_AGE"] == 0
    assert fetch_one_prepared(SQL, {"n": 6}) == (7,)
    assert _prepared_here() == []


def test_a_broken_constraint_is_djangos_integrity_error_and_the_threshold_is_put_back(persistent: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE prepared_once (k text PRIMARY KEY)")
    insert = "INSERT INTO prepared_once (k) VALUES (%(k)s) RETURNING k /* test_prepared */"
    assert fetch_one_prepared(insert, {"k": "a"}) == ("a",)
    with pytest.raises(IntegrityError):
        fetch_one_prepared(insert, {"k": "a"})
    assert connection.connection.prepare_threshold is None
