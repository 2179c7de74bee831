"""劳动和技能竞赛: competitions with stages, scoring sheets and judges; entries with quotas; scores, the stored
ranking; awards, titles, objections (see docs/adr/0017-skills-domain.md)."""

from gonghui.skills.competitions.models.competitions import Competition, Judge, SheetItem, Stage
from gonghui.skills.competitions.models.entries import Entry, EntryMember, Quota
from gonghui.skills.competitions.models.results import Award, Objection
from gonghui.skills.competitions.models.scoring import Score, StageResult

__all__ = [
    "Award",
    "Competition",
    "Entry",
    "EntryMember",
    "Judge",
    "Objection",
    "Quota",
    "Score",
    "SheetItem",
    "Stage",
    "StageResult",
]
