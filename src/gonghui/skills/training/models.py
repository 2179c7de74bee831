"""职工培训: models."""

from __future__ import annotations
