"""求学圆梦 figures (per union's subtree and programme year) and the demo for 建湖."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.orgs.kinds import OrgKind
from gonghui.skills.study import subsidies
from gonghui.skills.study.choices import StudyStatus
from gonghui.skills.study.demo import load_demo_study
from gonghui.skills.study.figures import study_figures
from gonghui.skills.study.models import Application, Programme
from tests.factories import Tree, UserFactory, make_member, make_org
from tests.skills.study.factories import make_application, make_programme

pytestmark = pytest.mark.django_db


def test_figures_count_the_subtree_and_the_year(tree: Tree, money: Any) -> None:
    year = timezone.localdate().year
    programme = make_programme(tree.county, tree.cadre, quota=10)
    apps = [make_application(programme, make_member(tree.union, i).person, tree.union, tree.cadre) for i in range(2)]
    placed = make_application(programme, make_member(tree.other, 9).person, tree.other, tree.cadre, status="approved")
    subsidies.subsidy_enter(actor=money.maker, application=placed, amount=Decimal(1500), paid_on=timezone.localdate())
    subsidies.subsidy_approve(actor=money.checker, application=placed)
    make_application(
        make_programme(tree.county, tree.cadre, year=year - 1),
        apps[0].person,
        tree.union,
        tree.cadre,
        status="graduated",
    )
    values = {f.key: f.value for f in study_figures(tree.county, year)}
    assert values == {
        "study_applications": 3,
        "study_approved": 1,
        "study_paid": Decimal(1500),
        "study_paid_people": 1,
        "study_graduated": 0,
    }
    assert {f.key: f.value for f in study_figures(tree.union, year)}["study_paid"] == 0
    assert {f.key: f.value for f in study_figures(tree.county, year - 1)}["study_graduated"] == 1
    assert all(f.definition and f.url.startswith("/study/?under=") for f in study_figures(tree.county, year))


def test_the_demo_is_realistic_and_safe_to_rerun() -> None:
    admin = UserFactory(is_superuser=True)
    make_org("建湖县总工会", kind=OrgKind.FED_COUNTY, code="jianhu", region="320925")
    made = load_demo_study(admin)
    programmes = Programme.objects.filter(org__code="jianhu")
    assert programmes.count() == 2 and made == Application.objects.count() == 18
    statuses = set(Application.objects.filter(programme__in=programmes).values_list("status", flat=True))
    assert statuses == {s.value for s in StudyStatus if s != StudyStatus.WITHDRAWN}
    paid = Payout.objects.filter(study_application__programme__in=programmes, status=PayoutStatus.APPROVED)
    assert paid.count() == 13 and all(p.checker_id != p.maker_id for p in paid)
    assert Payout.objects.filter(study_application__isnull=False, status=PayoutStatus.PENDING).count() == 1
    for p in programmes:
        assert p.approved_count == Application.objects.filter(programme=p, status__in=["approved", "graduated"]).count()
        assert p.approved_count <= p.quota
    assert load_demo_study(admin) == 0
    assert Application.objects.count() == 18
