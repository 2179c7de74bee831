"""Coverage tallies: running sums a campaign's page reads instead of scanning its ledger.

Every approval, one by one or a bulk batch, adds what it approved in its own transaction, after taking
the campaign's row lock (the ledger version bump): concurrent approvals add up exactly and never wait
for each other's tally rows in a different order. List counts are recounted after each list change,
which comes in bulk and rarely. `tallies_rebuild` recomputes a campaign's tallies from the ledger; the
kept and the rebuilt tallies must agree (the tests, and `manage.py campaign_tallies --check`).

The sums are written with INSERT … SELECT … ON CONFLICT from ORM-built selects, so a 5,000-payout
batch costs three statements (its keys, who it reached, its sums) and no rows travel through Python.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, QuerySet, Sum
from django.db.models.functions import Round

from gonghui.campaigns.models import Beneficiary, Campaign
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout, Reach, Tally

TALLY = Tally._meta.db_table
REACH = Reach._meta.db_table
TALLY_KEY = "(campaign_id, org_id, kind, fund)"
BATCH = 5000


def ledger_changed(campaign_id: int, *, list_too: bool = False) -> None:
    """Say the campaign's payouts (and its list) changed, so its cached coverage is computed afresh."""
    versions = {"ledger_version": F("ledger_version") + 1}
    if list_too:
        versions["list_version"] = F("list_version") + 1
    Campaign.objects.filter(pk=campaign_id).update(**versions)


def ledger_approved(campaign_id: int, payouts: QuerySet[Payout]) -> None:
    """Add `payouts`, approved in the current transaction, to the campaign's tallies."""
    ledger_changed(campaign_id)  # first: the campaign's row lock orders every writer of its tallies
    # The keys, in the order they were approved (who reached a person first), then a batch at a time:
    # plain key lists keep every statement on an index, and SQLite under its parameter limit.
    ids = list(payouts.order_by("checked_at", "pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        _add(campaign_id, ids[start : start + BATCH])


def list_changed(campaign_id: int) -> None:
    """Recount the campaign's list per union after people were added to it."""
    ledger_changed(campaign_id, list_too=True)
    Tally.objects.filter(campaign_id=campaign_id, kind="", fund="").update(listed=0)
    listed = Beneficiary.objects.filter(campaign_id=campaign_id).order_by().values("org_id").annotate(n=Count("pk"))
    columns = {"campaign_id": str(campaign_id), "org_id": "org_id", "kind": "''", "fund": "''", "listed": "n"}
    columns |= {"payouts": "0", "money": "0", "goods": "0", "people": "0", "enterprises": "0"}
    _insert(TALLY, columns, listed, f"ON CONFLICT {TALLY_KEY} DO UPDATE SET listed = excluded.listed")


@transaction.atomic
def tallies_rebuild(campaign_id: int) -> bool:
    """Recompute the campaign's tallies from its approved payouts and its list; True if they differed."""
    before = _snapshot(campaign_id)
    Tally.objects.filter(campaign_id=campaign_id).delete()
    Reach.objects.filter(campaign_id=campaign_id).delete()
    approved = Payout.objects.filter(campaign_id=campaign_id, status=PayoutStatus.APPROVED)
    ledger_approved(campaign_id, approved)
    list_changed(campaign_id)
    return _snapshot(campaign_id) != before


def _add(campaign_id: int, ids: list[int]) -> None:
    payouts = Payout.objects.filter(pk__in=ids)
    # Who is reached for the first time: a person, or an enterprise for company aid (no person).
    recipients = payouts.order_by("checked_at", "pk").values("org_id", "person_id", "enterprise_id", "id")
    columns = {"campaign_id": str(campaign_id), "org_id": "org_id", "person_id": "person_id"}
    columns |= {"enterprise_id": "CASE WHEN person_id IS NULL THEN enterprise_id END", "payout_id": "id"}
    _insert(REACH, columns, recipients, "ON CONFLICT DO NOTHING")
    sums = (
        payouts.order_by()
        .values("org_id", "kind", "fund")
        .annotate(
            n=Count("pk"),
            m=Round(Sum("amount"), 2),  # SQLite sums in floats
            g=Round(Sum("goods_value"), 2),
            p=Count("reached__person"),
            e=Count("reached__enterprise"),
        )
    )
    columns = {"campaign_id": str(campaign_id), "org_id": "org_id", "kind": "kind", "fund": "fund"}
    columns |= {"payouts": "n", "money": "m", "goods": "g", "people": "p", "enterprises": "e", "listed": "0"}
    added = ", ".join(
        f"{c} = {TALLY}.{c} + excluded.{c}" for c in ("payouts", "money", "goods", "people", "enterprises")
    )
    _insert(TALLY, columns, sums, f"ON CONFLICT {TALLY_KEY} DO UPDATE SET {added}")


def _insert(table: str, columns: dict[str, str], rows: QuerySet[Any], conflict: str) -> None:
    """INSERT INTO `table` the `columns` (expressions over `rows`' columns) of every row, then `conflict`.

    Names and expressions are constants of this module; every value is a parameter of the select.
    """
    select, params = rows.query.sql_with_params()
    names, values = ", ".join(columns), ", ".join(columns.values())
    # WHERE 1 = 1: SQLite reads ON CONFLICT after a bare FROM as a join's ON without it.
    sql = f"INSERT INTO {table} ({names}) SELECT {values} FROM ({select}) q WHERE 1 = 1 {conflict}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _snapshot(campaign_id: int) -> set[tuple[Any, ...]]:
    fields = ("org_id", "kind", "fund", "payouts", "money", "goods", "people", "enterprises", "listed")
    rows = Tally.objects.filter(campaign_id=campaign_id).values_list(*fields)
    return {row for row in rows if any(row[3:])}  # a row of zeros says nothing
