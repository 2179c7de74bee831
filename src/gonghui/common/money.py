"""Money in the database: yuan with fen, as Decimal, never float."""

from __future__ import annotations

from typing import Any

from django.db import models


def money(verbose_name: Any, **kwargs: Any) -> models.DecimalField:
    """Yuan with fen (12 digits: up to ten billion yuan)."""
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)
