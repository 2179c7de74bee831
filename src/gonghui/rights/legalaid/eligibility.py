"""Who may have the union's legal aid (审查): a member on the roll, a 农民工, or a worker whose hardship file
is open (困难职工). The hardship file is the assistance app's; a case only records that one was open."""

from __future__ import annotations

from dataclasses import dataclass

from gonghui.assistance.choices import FileStatus
from gonghui.assistance.models import HardshipFile
from gonghui.members.choices import LIVE_STATUSES, MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode
from gonghui.rights.legalaid.choices import Basis


@dataclass(frozen=True)
class Eligibility:
    basis: str  # a Basis value, or "" when the worker qualifies on none
    hardship_file: HardshipFile | None


def open_hardship_file(person: Person) -> HardshipFile | None:
    return HardshipFile.objects.filter(person=person, status=FileStatus.OPEN).order_by("-pk").first()


def eligibility_of(person: Person) -> Eligibility:
    """The first basis the worker qualifies on (member, then 农民工, then hardship), and their open file."""
    file = open_hardship_file(person)
    if Membership.objects.filter(person=person, status=MembershipStatus.ACTIVE).exists():
        return Eligibility(Basis.MEMBER, file)
    if person.is_migrant_worker:
        return Eligibility(Basis.MIGRANT, file)
    return Eligibility(Basis.HARDSHIP if file is not None else "", file)


def belongs_under(person: Person, org: OrgNode) -> bool:
    """Whether a case for this worker may be kept by `org`: their live membership is in its subtree; or they
    belong to no union and are a 农民工 or have an open hardship file there (never someone of another union)."""
    live = Membership.objects.filter(person=person, status__in=LIVE_STATUSES)
    if live.filter(org__path__startswith=org.path).exists():
        return True
    if live.exists():
        return False
    if person.is_migrant_worker:
        return True
    return HardshipFile.objects.filter(person=person, status=FileStatus.OPEN, org__path__startswith=org.path).exists()
