"""Demo data for the rights domain, in the order the apps depend on each other."""

from __future__ import annotations

from gonghui.accounts.models import User
from gonghui.rights.arrears.demo import load_demo_arrears
from gonghui.rights.contracts.demo import load_demo_contracts
from gonghui.rights.democracy.demo import load_demo_democracy
from gonghui.rights.earlywarning.demo import load_demo_earlywarning
from gonghui.rights.legalaid.demo import load_demo_legalaid
from gonghui.rights.mediation.demo import load_demo_mediation


def load_demo_rights(admin: User) -> int:
    """Safe to re-run; returns how many new records the rights apps made."""
    made = load_demo_democracy(admin)
    made += load_demo_contracts(admin)
    made += load_demo_legalaid(admin)
    made += load_demo_mediation(admin)
    made += load_demo_arrears(admin)
    return made + load_demo_earlywarning(admin)
