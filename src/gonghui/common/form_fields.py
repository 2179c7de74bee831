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


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); cleans to a list, empty when none."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []
