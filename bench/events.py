"""The events benchmark (see issue 15)."""

from __future__ import annotations


def main(*, rebuild: bool = False) -> None:
    raise NotImplementedError
