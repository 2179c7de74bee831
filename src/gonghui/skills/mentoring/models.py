"""名师带徒: models."""

from __future__ import annotations
