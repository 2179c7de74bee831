"""欠薪治理: models."""

from __future__ import annotations
