"""Reads of 劳动和技能竞赛. Staff read through the scope: a competition is theirs to see when the organiser is
in their subtree, and an entry when its entering union is (a grassroots union sees its own entries of the
county's competition). A judge reads only their own stages' entries; the public reads a results notice.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.skills.competitions.choices import AwardStatus, CompetitionStatus, EntryStatus
from gonghui.skills.competitions.models import (
    Award,
    Competition,
    Entry,
    Judge,
    Objection,
    Score,
    Stage,
    StageResult,
)

PAGE = 50


def _above(user: Any) -> list[str]:
    """The paths of the unions above the user's: their competitions are open to the user's unions."""
    return sorted({p for path in scope_for(user).paths for p in paths_up(path)})


def competitions_for(
    user: Any, *, under: OrgNode | None = None, year: int | None = None, kind: str = "", status: str = ""
) -> QuerySet[Competition]:
    """Competitions organised in the user's scope, entered by a union in it, or organised above it and out
    of preparation (a grassroots union enters the county's contest); newest first."""
    scope = scope_for(user)
    entered = Entry.objects.filter(competition=OuterRef("pk"), org__in=scope.orgs().values("pk"))
    qs = Competition.objects.select_related("org", "occupation")
    if not scope.everything:
        above = Q(org__path__in=_above(user)) & ~Q(status=CompetitionStatus.DRAFT)
        qs = qs.filter(Q(org__in=scope.orgs().values("pk")) | Q(Exists(entered)) | above)
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if year:
        qs = qs.filter(year=year)
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-pk")


def competition_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Competition:
    """The organiser's staff (with `perm`), or, to read, a union with entries in it."""
    competition: Competition = get_object_or_404(
        Competition.objects.select_related("org", "event", "occupation", "honor", "selection"), pk=pk
    )
    if perm is Perm.VIEW and not scope_for(user).contains(competition.org):
        open_to = competition.status != CompetitionStatus.DRAFT and competition.org.path in _above(user)
        if not open_to and not scope_for(user).filter(Entry.objects.filter(competition=competition)).exists():
            raise Http404
        return competition
    require(user, competition.org, perm)
    return competition


def is_organiser(user: Any, competition: Competition) -> bool:
    return scope_for(user, Perm.ORG_EDIT).contains(competition.org)


def stage_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Stage:
    stage: Stage = get_object_or_404(Stage.objects.select_related("competition__org"), pk=pk)
    require(user, stage.competition.org, perm)
    return stage


def stage_get_for_ranking(user: Any, pk: int) -> Stage:
    """A stage whose competition the user may read (its organiser's staff, or a union with entries in it)."""
    stage: Stage = get_object_or_404(Stage.objects.select_related("competition__org"), pk=pk)
    competition_get_for(user, stage.competition_id)
    return stage


def stages_of(competition: Competition) -> QuerySet[Stage]:
    return competition.stages.annotate(
        entrants=Count("results", distinct=True), judges_n=Count("judges", distinct=True)
    ).order_by("seq")


def entries_for(user: Any, competition: Competition, *, q: str = "") -> QuerySet[Entry]:
    """The competition's entries: all for its organiser, otherwise those of unions in the user's scope."""
    qs = Entry.objects.filter(competition=competition).select_related("org", "enterprise")
    if not scope_for(user).contains(competition.org):
        qs = scope_for(user).filter(qs)
    if q.strip():
        text = q.strip()
        qs = qs.filter(Q(name__contains=text) | Q(number=int(text)) if text.isdigit() else Q(name__contains=text))
    return qs.annotate(people=Count("members")).order_by("-pk")


def entry_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Entry:
    entry: Entry = get_object_or_404(Entry.objects.select_related("competition__org", "org"), pk=pk)
    if not scope_for(user, perm).contains(entry.org) and not scope_for(user, perm).contains(entry.competition.org):
        require(user, entry.org, perm)
    return entry


def ranking(stage: Stage, *, after_rank: int = 0, size: int = PAGE) -> tuple[list[StageResult], int | None]:
    """One page of the stored ranking after `after_rank` (read by the (stage, rank) index), and the next
    page's cursor."""
    rows = list(
        StageResult.objects.filter(stage=stage, rank__gt=after_rank)
        .select_related("entry__org")
        .order_by("rank")[: size + 1]
    )
    more = len(rows) > size
    rows = rows[:size]
    return rows, (rows[-1].rank if more and rows else None)


def unranked(stage: Stage) -> QuerySet[StageResult]:
    """Entries of the stage without a rank yet: flagged first, then those still short of scores."""
    return (
        StageResult.objects.filter(stage=stage, rank__isnull=True)
        .select_related("entry__org")
        .order_by("-flagged", "number")
    )


def objections_of(competition: Competition) -> QuerySet[Objection]:
    return Objection.objects.filter(competition=competition).select_related("entry").order_by("upheld", "-pk")


def awards_of(competition: Competition) -> QuerySet[Award]:
    return (
        Award.objects.filter(competition=competition)
        .select_related("entry__org", "person", "honor", "certificate")
        .order_by("rank", "pk")
    )


# --- the public notice ---------------------------------------------------------------------------------


def notice_competition(pk: int) -> Competition:
    competition: Competition = get_object_or_404(
        Competition.objects.select_related("org"),
        pk=pk,
        status__in=[CompetitionStatus.NOTICE, CompetitionStatus.CLOSED],
    )
    return competition


def notice_awards(competition: Competition) -> QuerySet[Award]:
    return (
        Award.objects.filter(competition=competition)
        .exclude(status=AwardStatus.WITHDRAWN)
        .select_related("entry__org", "person", "honor")
        .order_by("rank", "pk")
    )


# --- the judge's own ------------------------------------------------------------------------------------


def seats_of(person: Person) -> QuerySet[Judge]:
    return Judge.objects.filter(person=person).select_related("stage__competition__org").order_by("-pk")


def seat_of(person: Person, stage_pk: int) -> Judge:
    judge: Judge = get_object_or_404(seats_of(person), stage_id=stage_pk)
    return judge


def judge_entries(judge: Judge) -> QuerySet[StageResult]:
    """The entries of the judge's stage (only those), each marked with whether this judge has scored it."""
    mine = Score.objects.filter(stage_id=judge.stage_id, entry_id=OuterRef("entry_id"), judge=judge)
    return (
        StageResult.objects.filter(stage_id=judge.stage_id, entry__status=EntryStatus.ENTERED)
        .select_related("entry__org")
        .annotate(scored=Exists(mine))
        .order_by("number")
    )


def judge_entry(judge: Judge, entry_pk: int) -> StageResult:
    result: StageResult = get_object_or_404(judge_entries(judge), entry_id=entry_pk)
    return result


def my_score(judge: Judge, entry: Entry) -> Score | None:
    return Score.objects.filter(stage_id=judge.stage_id, entry=entry, judge=judge, copy=1).first()


def awards_of_person(person: Person) -> QuerySet[Award]:
    return (
        Award.objects.filter(person=person)
        .exclude(status=AwardStatus.WITHDRAWN)
        .select_related("competition", "certificate")
        .order_by("-pk")
    )
