"""法律援助 cases count under their own union and their helping union: two children may both count one case,
so the parent recounts it (Rollup.RECOUNT) rather than adding its children up."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gonghui.common.figures import Rollup
from gonghui.orgs.models import OrgNode
from gonghui.rights.legalaid.figures import legalaid_figures
from gonghui.rights.legalaid.models import LegalAidCase
from tests.factories import today
from tests.rights.legalaid.conftest import Place


def test_a_case_helped_by_a_sibling_union_is_one_case_at_the_parent(place: Place) -> None:
    year = today().year
    LegalAidCase.objects.create(
        org=place.tree.union,
        helping_org=place.tree.other,
        person=place.member,
        topic="wages",
        summary="欠薪",
        applied_on=dt.date(year, 1, 1),
    )

    def cases(org: OrgNode) -> Any:
        return {f.key: f.value for f in legalaid_figures(org, year)}["legal_cases"]

    assert (cases(place.tree.union), cases(place.tree.other), cases(place.tree.county)) == (1, 1, 1)
    figures = {f.key: f for f in legalaid_figures(place.tree.county, year)}
    assert figures["legal_cases"].rollup == Rollup.RECOUNT and figures["legal_recovered"].rollup == Rollup.RECOUNT
    assert figures["legal_consultations"].rollup == Rollup.SUM
