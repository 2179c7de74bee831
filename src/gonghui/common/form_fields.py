"""Form fields shared by every app."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms


def yuan(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DecimalField:
    """An amount in yuan with fen, never negative."""
    return forms.DecimalField(
        label=label, required=required, help_text=help_text, min_value=Decimal(0), max_digits=12, decimal_places=2
    )
