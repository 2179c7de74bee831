"""The permission walk's reports objects (ADR 0019): the period and a figure key the figures cases ask for
(helpers of other reports pages may add theirs here; keep the namespace additive)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.utils import timezone


def build_reports(world: Any) -> SimpleNamespace:
    return SimpleNamespace(
        period=f"{timezone.localdate().year}-ytd",
        figure_key="projects_declared",  # 建功立业's 五小项目申报, registered since the first figures
    )
