"""The competitions benchmark (see the issue's targets); writes bench/results/competitions.json."""

from __future__ import annotations


def main(*, rebuild: bool = False) -> None:
    raise SystemExit("bench/competitions.py is not written yet")
