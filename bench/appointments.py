"""Bench of appointments (to be written)."""

from __future__ import annotations


def main(*, rebuild: bool = False) -> None:
    print("appointments: no benchmark yet")
