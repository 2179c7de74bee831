"""The sentence table names figures that exist: a key renamed or dropped in a domain's figures shows here,
not as a sentence that silently stops being written."""

from __future__ import annotations

import pytest

from gonghui.reports.catalogue import figure_catalogue
from gonghui.reports.workreport.narrative import _SLOT
from gonghui.reports.workreport.sections import SECTIONS, Clause

pytestmark = pytest.mark.django_db


def test_every_figure_the_table_names_is_registered() -> None:
    named = {
        slot[1]
        for section in SECTIONS
        for sentence in section.sentences
        for clause in sentence.clauses
        if isinstance(clause, Clause)
        for slot in _SLOT.finditer(str(clause.text))
    }
    assert len(named) > 60
    assert sorted(named - set(figure_catalogue())) == []


def test_every_line_of_work_the_issue_names_has_a_section() -> None:
    titles = [str(section.title) for section in SECTIONS]
    assert titles[:7] == ["组织建设", "服务职工", "帮扶救助", "建功立业", "劳模工匠助企行", "技能提升", "维权服务"]
