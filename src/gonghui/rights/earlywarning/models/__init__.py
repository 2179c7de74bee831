"""劳动关系预警 and 法治体检: models (levels and warnings in levels.py, check-ups in checkups.py)."""

from gonghui.rights.earlywarning.models.checkups import (
    ChecklistItem,
    Checkup,
    Finding,
    Recheck,
    RecheckResult,
    Rectification,
)
from gonghui.rights.earlywarning.models.levels import (
    EarlyWarning,
    EnterpriseLevel,
    IndicatorEntry,
    RecomputeRun,
    Scheme,
    WarningAction,
)

__all__ = [
    "ChecklistItem",
    "Checkup",
    "EarlyWarning",
    "EnterpriseLevel",
    "Finding",
    "IndicatorEntry",
    "Recheck",
    "RecheckResult",
    "RecomputeRun",
    "Rectification",
    "Scheme",
    "WarningAction",
]
