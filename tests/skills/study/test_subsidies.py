"""The subsidy through the aid ledger (助学 payouts: maker/checker, within the standard, the fees and the
budget, once per application) and graduation."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from gonghui.assistance.choices import PayoutKind
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.skills.study import subsidies
from gonghui.skills.study.choices import StudyStatus
from gonghui.skills.study.models import Application
from tests.factories import Tree, image_bytes, make_member, today
from tests.skills.study.factories import make_application, make_programme

pytestmark = pytest.mark.django_db


def _approved(tree: Tree, seq: int = 1, **programme: Any) -> Application:
    p = make_programme(tree.county, tree.cadre, **programme)
    return make_application(p, make_member(tree.union, seq).person, tree.union, tree.cadre, status="approved")


def _enter(money: Any, application: Application, amount: int = 2000) -> Payout:
    return subsidies.subsidy_enter(actor=money.maker, application=application, amount=Decimal(amount), paid_on=today())


def test_the_subsidy_is_a_study_payout_checked_by_another(tree: Tree, money: Any) -> None:
    application = _approved(tree)
    payout = subsidies.subsidy_enter(actor=tree.cadre, application=application, amount=Decimal(2000), paid_on=today())
    assert (payout.kind, payout.org, payout.person, payout.status) == (
        PayoutKind.STUDY,
        tree.county,
        application.person,
        PayoutStatus.PENDING,
    )
    application.refresh_from_db()
    assert application.payout == payout and not subsidies.is_paid(application)
    with pytest.raises(ValidationError, match="经办人不能审核自己经办的发放"):  # the county's admin made it
        subsidies.subsidy_approve(actor=tree.cadre, application=application)
    subsidies.subsidy_approve(actor=money.checker, application=application)
    application.refresh_from_db()
    assert subsidies.is_paid(application) and application.payout.checker == money.checker


def test_a_second_subsidy_for_the_same_application_is_refused(tree: Tree, money: Any) -> None:
    application = _approved(tree)
    _enter(money, application)
    with pytest.raises(ValidationError, match="正等待财务审核"):
        _enter(money, application)
    subsidies.subsidy_approve(actor=money.checker, application=application)
    with pytest.raises(ValidationError, match="已发放补助，不能重复发放"):
        _enter(money, application)
    with pytest.raises(ValidationError, match="已发放补助"):
        subsidies.subsidy_approve(actor=money.checker, application=application)
    assert Payout.objects.filter(person=application.person).count() == 1


def test_a_refused_entry_may_be_entered_again(tree: Tree, money: Any) -> None:
    application = _approved(tree)
    first = _enter(money, application, 1500)
    subsidies.subsidy_reject(actor=money.checker, application=application, reason="金额与票据不符")
    second = _enter(money, application, 2000)
    application.refresh_from_db()
    assert application.payout == second and second.pk != first.pk
    first.refresh_from_db()
    assert first.status == PayoutStatus.REJECTED


@pytest.mark.parametrize(
    ("amount", "words"),
    [(0, "须大于0"), (2001, "补助标准2000"), (-5, "须大于0")],
)
def test_the_amount_is_within_the_standard(tree: Tree, money: Any, amount: int, words: str) -> None:
    application = _approved(tree)
    with pytest.raises(ValidationError) as err:
        _enter(money, application, amount)
    assert words in err.value.message_dict["amount"][0]
    assert not Payout.objects.exists()


def test_the_amount_is_within_the_fees_and_the_budget(tree: Tree, money: Any) -> None:
    application = _approved(tree, budget=Decimal(3000))
    Application.objects.filter(pk=application.pk).update(fees=Decimal(1800))
    application.refresh_from_db()
    with pytest.raises(ValidationError, match="不能超过学费1800"):
        _enter(money, application, 2000)
    _enter(money, application, 1800)
    other = make_application(
        application.programme, make_member(tree.union, 2).person, tree.union, tree.cadre, status="approved"
    )
    with pytest.raises(ValidationError, match="超出本计划补助预算3000"):
        _enter(money, other, 2000)
    assert Payout.objects.count() == 1


def test_only_placed_applications_are_paid_and_only_by_money_roles(tree: Tree, money: Any) -> None:
    programme = make_programme(tree.county, tree.cadre)
    waiting = make_application(programme, make_member(tree.union, 3).person, tree.union, tree.cadre)
    with pytest.raises(ValidationError, match="批准后才能发放补助"):
        _enter(money, waiting)
    application = _approved(tree, 4, year=today().year - 1)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):  # the county's 组织干事 sees it but makes no payouts
        from gonghui.orgs.roles import Role
        from tests.factories import UserFactory, grant

        organizer = UserFactory(username="organizer")
        grant(organizer, tree.county, Role.ORGANIZER)
        subsidies.subsidy_enter(actor=organizer, application=application, amount=Decimal(100), paid_on=today())
    assert not Payout.objects.exists()


def test_graduation_is_recorded_once_with_the_certificate(tree: Tree) -> None:
    application = _approved(tree)
    with pytest.raises(ValidationError) as err:
        subsidies.application_graduate(
            actor=tree.cadre, application=application, graduated_on=today() + dt.timedelta(days=1), certificate_no=""
        )
    assert set(err.value.message_dict) == {"graduated_on", "certificate_no"}
    scan = io.BytesIO(image_bytes("PDF"))
    done = subsidies.application_graduate(
        actor=tree.cadre,
        application=application,
        graduated_on=today(),
        certificate_no="132041202606000123",
        certificate=scan,
        certificate_size=len(scan.getvalue()),
    )
    assert done.status == StudyStatus.GRADUATED and done.certificate_type == "application/pdf"
    with pytest.raises(ValidationError, match="已登记毕业"):
        subsidies.application_graduate(actor=tree.cadre, application=done, graduated_on=today(), certificate_no="x")


def test_graduation_needs_an_approved_application(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    waiting = make_application(programme, make_member(tree.union, 5).person, tree.union, tree.cadre)
    with pytest.raises(ValidationError, match="批准后才能登记毕业"):
        subsidies.application_graduate(actor=tree.cadre, application=waiting, graduated_on=today(), certificate_no="1")
