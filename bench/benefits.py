"""Bench of benefits (to be written)."""

from __future__ import annotations


def main(*, rebuild: bool = False) -> None:
    print("benefits: no benchmark yet")
