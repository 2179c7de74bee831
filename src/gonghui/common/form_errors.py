"""Putting a service's ValidationError onto the form that collected the input."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import Form


def apply_validation_error(form: Form, exc: ValidationError) -> None:
    """Field errors go to their fields (unknown fields to the form as a whole); plain errors to the form."""
    if hasattr(exc, "error_dict"):
        for field, messages in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, exc)
