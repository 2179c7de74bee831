"""The contracts app's entries in the worker portal (common.portal)."""

from __future__ import annotations


def register() -> None:
    pass
