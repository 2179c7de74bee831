"""Putting a service's ValidationError onto the form that collected the input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest


def apply_validation_error(form: Form, exc: ValidationError) -> None:
    """Field errors go to their fields (unknown fields to the form as a whole); plain errors to the form."""
    if hasattr(exc, "error_dict"):
        for field, messages in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, exc)


def form_action(request: HttpRequest, form: Form, action: Callable[[dict[str, Any]], str]) -> None:
    """For a page's small POST forms: validate, run `action` on the cleaned data, flash the outcome.

    The flash is the action's own message on success, or every error in one Chinese line (“标签：原因”).
    """
    try:
        if not form.is_valid():
            raise ValidationError(
                [
                    f"{form.fields[name].label}：{error}" if name in form.fields else str(error)
                    for name, errors in form.errors.items()
                    for error in errors
                ]
            )
        messages.success(request, action(form.cleaned_data))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))


def flash_outcome(request: HttpRequest, action: Callable[[], str]) -> None:
    """For a page's buttons that post no form: run `action`, flash its message or its Chinese errors."""
    try:
        messages.success(request, action())
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
