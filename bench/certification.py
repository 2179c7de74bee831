"""The certification benchmark (see the issue's targets); writes bench/results/certification.json."""

from __future__ import annotations


def main(*, rebuild: bool = False) -> None:
    raise SystemExit("bench/certification.py is not written yet")
