"""劳动关系预警: models."""

from __future__ import annotations
