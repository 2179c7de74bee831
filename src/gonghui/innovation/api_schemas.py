"""Schemas the 建功立业 API's parts share."""

from __future__ import annotations

from ninja import Schema


class CountOut(Schema):
    count: int
