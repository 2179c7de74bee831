"""劳动和技能竞赛: models."""

from __future__ import annotations
