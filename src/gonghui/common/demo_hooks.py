"""Late demo loaders: an app whose demo is made from the others' records (the reports' returns and work
reports) registers its loader here at start-up, and seed_demo runs them after every domain's demo, without
importing an app that sits beside it in the layer order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LATE_DEMO_LOADERS: dict[str, Callable[[Any], int]] = {}


def register_late_demo(name: str, loader: Callable[[Any], int]) -> None:
    """Registering a name again replaces it (safe on reload)."""
    LATE_DEMO_LOADERS[name] = loader


def run_late_demos(admin: Any) -> int:
    """Each loader in the order registered; how many new objects they made."""
    return sum(loader(admin) for loader in LATE_DEMO_LOADERS.values())
