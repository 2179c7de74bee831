"""The earlywarning app's entries in the workbench's navigation (common.navigation)."""

from __future__ import annotations


def register() -> None:
    pass
