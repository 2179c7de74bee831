"""The contracts app's figures in the figures registry (common.figures)."""

from __future__ import annotations


def register() -> None:
    pass
