"""The training figures: classes, person-times, people, hours and completions, rolled up the tree."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS
from gonghui.skills.training import completion, enrolment
from gonghui.skills.training.figures import training_figures
from tests.factories import Tree, make_member
from tests.skills.training.factories import check_in, make_class, sessions

pytestmark = pytest.mark.django_db


def test_the_figures_count_the_subtree_and_link_to_the_lists(tree: Tree) -> None:
    union_class = make_class(tree.union_cadre, tree.union, sessions=("2", "3"))
    other_class = make_class(
        tree.cadre, tree.other, sessions=("4",), course_title="茶树栽培", base_name="茶园", audience_org=tree.county
    )
    make_class(tree.cadre, tree.county, publish=False, course_title="草稿课", base_name="草稿基地")
    people = [make_member(tree.union, i).person for i in range(3)]
    for person in people:
        enrolment.enrol(klass=union_class, person=person)
        enrolment.enrol(klass=other_class, person=person)
    first, second = sessions(union_class)
    for person in people:
        check_in(tree.cadre, first, person)
    check_in(tree.cadre, second, people[0])
    check_in(tree.cadre, sessions(other_class)[0], people[0])
    completion.certificates_grant(actor=tree.cadre, klass=union_class)  # people[0]: 5 of 5 hours
    year = timezone.localdate().year
    county = {f.key: f for f in training_figures(tree.county, year)}
    assert county["training_classes"].value == 2  # the draft counts for nothing
    assert county["training_sessions"].value == 3
    assert county["training_attendances"].value == 5
    assert county["training_people"].value == 3
    assert county["training_hours"].value == Decimal(2 * 3 + 3 + 4)
    assert county["training_completions"].value == 1
    assert county["training_attendances"].url.endswith(f"under={tree.county.code}&year={year}")
    assert all(f.definition for f in county.values())
    union = {f.key: f.value for f in training_figures(tree.union, year)}
    assert union["training_attendances"] == 4 and union["training_people"] == 3 and union["training_classes"] == 1
    assert training_figures(tree.stranger, year)[2].value == 0
    assert training_figures(tree.county, year - 1)[2].value == 0
    assert "training" in FIGURE_GROUPS
