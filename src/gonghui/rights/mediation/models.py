"""劳动争议调解: models."""

from __future__ import annotations
