"""求学圆梦: models."""

from __future__ import annotations
