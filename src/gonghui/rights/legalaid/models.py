"""法律援助: models."""

from __future__ import annotations
