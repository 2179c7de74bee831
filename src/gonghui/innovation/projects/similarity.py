"""Similarity hint for 五小 submissions: earlier projects whose text is close, so reviewers catch duplicates.

Chinese has no spaces, so the terms are character bigrams of the title, problem and solution (digits and
Latin letters kept, punctuation dropped). Each project keeps its TOP_GRAMS bigrams with TF-IDF weights,
L2-normalised, in ProjectGram: an inverted index that both SQLite and PostgreSQL serve with one indexed
look-up, so a submission is compared with the few projects sharing its telling bigrams, not with all of
them. The cosine of two kept vectors is the score. Bigrams found in more than COMMON_SHARE of projects
("提高", "问题") carry almost no weight and are not used to find candidates.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from gonghui.common.bigrams import bigrams
from gonghui.innovation.models import Project, ProjectGram

TOP_GRAMS = 40
COMMON_SHARE = 0.1
MIN_SCORE = 0.2


@dataclass(frozen=True)
class Similar:
    project: Project
    score: float
    shared: list[str]  # the bigrams that weigh most in the match


def project_text(project: Project) -> str:
    return f"{project.title}\n{project.title}\n{project.problem}\n{project.solution}"  # the title counts twice


def weights(counts: Counter[str], document_frequency: dict[str, int], documents: int) -> dict[str, float]:
    """The TOP_GRAMS heaviest bigrams by TF-IDF, L2-normalised."""
    total = sum(counts.values()) or 1
    scored = {
        gram: (n / total) * (math.log((documents + 1) / (document_frequency.get(gram, 0) + 1)) + 1)
        for gram, n in counts.items()
    }
    top = sorted(scored.items(), key=lambda item: (-item[1], item[0]))[:TOP_GRAMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {gram: w / norm for gram, w in top}


def _frequencies(grams: list[str]) -> tuple[dict[str, int], int]:
    rows = ProjectGram.objects.filter(gram__in=grams).values("gram").annotate(n=Count("id"))
    return {row["gram"]: row["n"] for row in rows}, Project.objects.count()


def vector_for(text: str) -> dict[str, float]:
    counts = bigrams(text)
    frequency, documents = _frequencies(list(counts))
    return weights(counts, frequency, documents)


def index_project(project: Project) -> None:
    """Store the project's bigram weights (called by the submit service, in its transaction)."""
    vector = vector_for(project_text(project))
    ProjectGram.objects.filter(project=project).delete()
    ProjectGram.objects.bulk_create(ProjectGram(project=project, gram=g, weight=w) for g, w in vector.items())


def similar_to(project: Project, *, limit: int = 5, among: list[int] | None = None) -> list[Similar]:
    """Earlier-or-other projects closest to `project` (optionally only those with ids in `among`)."""
    mine = dict(ProjectGram.objects.filter(project=project).values_list("gram", "weight"))
    if not mine:
        return []
    frequency, documents = _frequencies(list(mine))
    telling = [g for g in mine if frequency.get(g, 0) <= max(2, COMMON_SHARE * documents)]
    rows = ProjectGram.objects.filter(gram__in=telling).exclude(project=project)
    if among is not None:
        rows = rows.filter(project_id__in=among)
    scores: dict[int, float] = {}
    shared: dict[int, list[tuple[float, str]]] = {}
    for project_id, gram, weight in rows.values_list("project_id", "gram", "weight").iterator():
        contribution = weight * mine[gram]
        scores[project_id] = scores.get(project_id, 0.0) + contribution
        shared.setdefault(project_id, []).append((contribution, gram))
    best = sorted(((s, pk) for pk, s in scores.items() if s >= MIN_SCORE), reverse=True)[:limit]
    projects = Project.objects.select_related("org", "call").in_bulk([pk for _, pk in best])
    return [
        Similar(projects[pk], round(score, 3), [g for _, g in sorted(shared[pk], reverse=True)[:6]])
        for score, pk in best
        if pk in projects
    ]
