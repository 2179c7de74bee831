"""The rights_cases benchmark (see the issue's targets); writes bench/results/rights_cases.json."""

from __future__ import annotations


def main(*, rebuild: bool = False) -> None:
    raise SystemExit("bench/rights_cases.py is not written yet")
