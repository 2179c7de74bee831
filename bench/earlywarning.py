"""The earlywarning benchmark (see the issue's targets); writes bench/results/earlywarning.json."""

from __future__ import annotations


def main(*, rebuild: bool = False) -> None:
    raise SystemExit("bench/earlywarning.py is not written yet")
