"""The 建功立业 module's models, one file per area."""

from gonghui.innovation.models.projects import (
    CallQuota,
    InnovationCall,
    Objection,
    Panel,
    PanelSeat,
    Project,
    ProjectAttachment,
    ProjectGram,
    ProjectMember,
    ReviewStage,
    Rubric,
    RubricCriterion,
    Scorecard,
)
from gonghui.innovation.models.proposals import Proposal
from gonghui.innovation.models.selections import HonorTitle, Nomination, SelectionRound
from gonghui.innovation.models.studios import StarRule, Studio, StudioAchievement, StudioRating

__all__ = [
    "CallQuota",
    "HonorTitle",
    "InnovationCall",
    "Nomination",
    "Objection",
    "Panel",
    "PanelSeat",
    "Project",
    "ProjectAttachment",
    "ProjectGram",
    "ProjectMember",
    "Proposal",
    "ReviewStage",
    "Rubric",
    "RubricCriterion",
    "Scorecard",
    "SelectionRound",
    "StarRule",
    "Studio",
    "StudioAchievement",
    "StudioRating",
]
