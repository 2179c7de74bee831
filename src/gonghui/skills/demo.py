"""Demo data for the skills domain, in the order the apps depend on each other."""

from __future__ import annotations

from gonghui.accounts.models import User
from gonghui.skills.certification.demo import load_demo_certification
from gonghui.skills.competitions.demo import load_demo_competitions
from gonghui.skills.mentoring.demo import load_demo_mentoring
from gonghui.skills.study.demo import load_demo_study
from gonghui.skills.training.demo import load_demo_training


def load_demo_skills(admin: User) -> int:
    """Safe to re-run; returns how many new records the skills apps made."""
    made = load_demo_certification(admin)
    made += load_demo_competitions(admin)
    made += load_demo_training(admin)
    made += load_demo_study(admin)
    return made + load_demo_mentoring(admin)
