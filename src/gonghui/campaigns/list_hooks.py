"""What a campaign's list changing means to the layers above it.

The ledger keeps each union's list count beside its money tallies (`ledger.tallies.list_changed`) and
registers here at start-up, so that campaigns, below the ledger, never imports it (DESIGN.md's layers).
"""

from __future__ import annotations

from collections.abc import Callable

LIST_CHANGED: list[Callable[[int], None]] = []


def campaign_list_changed(campaign_id: int) -> None:
    """Call after people were added to (or removed from) the campaign's list, in the same transaction."""
    for hook in LIST_CHANGED:
        hook(campaign_id)
