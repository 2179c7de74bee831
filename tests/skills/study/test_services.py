"""Programmes, applying (eligibility, window, the admission letter), withdrawing and the decision within
the quota: bad input is refused with a Chinese reason and changes nothing."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from gonghui.members.choices import MembershipStatus
from gonghui.skills.study import services
from gonghui.skills.study.choices import DegreeLevel, Eligibility, StudyStatus
from gonghui.skills.study.models import Application, Programme
from tests.factories import Tree, UserFactory, at_run, image_bytes, make_member
from tests.skills.study.factories import app_fields, make_application, make_programme, programme_fields

pytestmark = pytest.mark.django_db


def _letter() -> io.BytesIO:
    return io.BytesIO(image_bytes())


def _submit(programme: Programme, membership, **overrides) -> Application:  # type: ignore[no-untyped-def]
    letter = _letter()
    return services.application_submit(
        person=membership.person,
        user=UserFactory(),
        programme=programme,
        data=app_fields(**overrides),
        letter=letter,
        letter_size=len(letter.getvalue()),
    )


def test_a_union_opens_one_programme_a_year(tree: Tree) -> None:
    programme = services.programme_create(actor=tree.cadre, org=tree.county, data=programme_fields())
    assert {s.level: s.amount for s in programme.standards.all()} == {
        DegreeLevel.JUNIOR_COLLEGE: Decimal(2000),
        DegreeLevel.BACHELOR: Decimal(3000),
    }
    with pytest.raises(ValidationError) as err:
        services.programme_create(actor=tree.cadre, org=tree.county, data=programme_fields(name="第二个"))
    assert "已有求学圆梦计划" in err.value.message_dict["year"][0]
    assert Programme.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"name": "  "}, "name", "请填写计划名称"),
        ({"quota": 0}, "quota", "名额须在"),
        ({"budget": Decimal(0)}, "budget", "补助预算须大于0"),
        ({"standards": {}}, "standards", "至少为一个学历层次"),
        ({"standards": {DegreeLevel.BACHELOR: Decimal(20000)}}, "standards", "不能超过补助预算"),
        ({"closes_on": lambda: timezone.localdate() - dt.timedelta(days=30)}, "closes_on", "不能早于开始日期"),
    ],
)
def test_a_bad_programme_is_refused_with_its_reason(tree: Tree, overrides: dict, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as err:
        services.programme_create(actor=tree.cadre, org=tree.county, data=programme_fields(**at_run(overrides)))
    assert words in err.value.message_dict[field][0]
    assert not Programme.objects.exists()


def test_only_an_editor_of_the_union_opens_a_programme(tree: Tree) -> None:
    with pytest.raises(Http404):
        services.programme_create(actor=tree.outsider, org=tree.county, data=programme_fields())
    with pytest.raises(Http404):  # a grassroots cadre cannot see the county
        services.programme_create(actor=tree.union_cadre, org=tree.county, data=programme_fields())


def test_a_front_line_member_of_the_subtree_applies_with_the_letter(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    member = make_member(tree.union, 1)
    application = _submit(programme, member)
    assert application.status == StudyStatus.SUBMITTED and application.org == tree.union
    assert application.letter.name.startswith("study/") and application.letter_type == "image/jpeg"
    assert "职工" not in application.letter.name  # a generated name, never the uploader's


def test_eligibility_is_checked(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    stranger = make_member(tree.stranger, 2)
    with pytest.raises(ValidationError, match="商南县总工会及下级工会的在册会员"):
        _submit(programme, stranger)
    member = make_member(tree.union, 3)
    with pytest.raises(ValidationError) as err:
        _submit(programme, member, front_line=False)
    assert "一线职工和产业工人" in err.value.message_dict["front_line"][0]
    with pytest.raises(ValidationError) as err:
        _submit(programme, member, level=DegreeLevel.MASTER)
    assert "不资助研究生" in err.value.message_dict["level"][0]
    member.status = MembershipStatus.TRANSFERRED
    member.save()
    with pytest.raises(ValidationError, match="在册会员"):
        _submit(programme, member)
    assert not Application.objects.exists()


def test_a_members_programme_takes_any_member(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre, eligibility=Eligibility.MEMBERS)
    assert _submit(programme, make_member(tree.union, 4), front_line=False).front_line is False


def test_the_window_and_the_fields(tree: Tree) -> None:
    today = timezone.localdate()
    member = make_member(tree.union, 5)
    closed = make_programme(
        tree.county, tree.cadre, opens_on=today - dt.timedelta(days=30), closes_on=today - dt.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match=r"已于.*截止申请"):
        _submit(closed, member)
    programme = make_programme(tree.other, tree.cadre)  # 富水 runs one too; 城关's member is not under it
    with pytest.raises(ValidationError, match="商南县富水基层工会及下级工会"):
        _submit(programme, member)
    Programme.objects.all().delete()
    programme = make_programme(tree.county, tree.cadre)
    with pytest.raises(ValidationError) as err:
        _submit(programme, member, school="", fees=Decimal(0), enrolled_year=today.year - 9, job="")
    assert set(err.value.message_dict) == {"school", "fees", "enrolled_year", "job"}
    assert not Application.objects.exists()


def test_the_admission_letter_is_checked_like_other_uploads(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    member = make_member(tree.union, 6)
    fake = io.BytesIO(b"MZ\x90\x00 not a photo at all")
    with pytest.raises(ValidationError) as err:
        services.application_submit(
            person=member.person,
            user=UserFactory(),
            programme=programme,
            data=app_fields(),
            letter=fake,
            letter_size=24,
        )
    assert "只接受" in err.value.message_dict["letter"][0]
    with pytest.raises(ValidationError) as err:
        services.application_submit(
            person=member.person, user=UserFactory(), programme=programme, data=app_fields(), letter=None
        )
    assert "请上传录取通知书" in err.value.message_dict["letter"][0]
    assert not Application.objects.exists()


def test_one_live_application_per_programme(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    member = make_member(tree.union, 7)
    first = _submit(programme, member)
    with pytest.raises(ValidationError, match="已申请过本计划"):
        _submit(programme, member)
    services.application_withdraw(person=member.person, application=first)
    assert _submit(programme, member).status == StudyStatus.SUBMITTED  # after withdrawing, again


def test_the_worker_withdraws_only_their_own_undecided_application(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    member, other = make_member(tree.union, 8), make_member(tree.union, 9)
    application = _submit(programme, member)
    with pytest.raises(ValidationError, match="只能撤回自己的申请"):
        services.application_withdraw(person=other.person, application=application)
    services.application_decide(actor=tree.cadre, application=application, approve=True)
    with pytest.raises(ValidationError, match="不能撤回"):
        services.application_withdraw(person=member.person, application=application)


def test_approvals_never_pass_the_quota(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre, quota=2)
    apps = [
        make_application(programme, make_member(tree.union, 10 + i).person, tree.union, tree.cadre) for i in range(3)
    ]
    for a in apps[:2]:
        services.application_decide(actor=tree.cadre, application=a, approve=True)
    with pytest.raises(ValidationError, match="2个名额已满"):
        services.application_decide(actor=tree.cadre, application=apps[2], approve=True)
    programme.refresh_from_db()
    assert programme.approved_count == 2
    apps[2].refresh_from_db()
    assert apps[2].status == StudyStatus.SUBMITTED
    refused = services.application_decide(actor=tree.cadre, application=apps[2], approve=False, reason="名额已满")
    assert refused.status == StudyStatus.REJECTED and refused.reason == "名额已满"


def test_a_decision_is_made_once_and_a_refusal_has_a_reason(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre, quota=5)
    application = make_application(programme, make_member(tree.union, 20).person, tree.union, tree.cadre)
    with pytest.raises(ValidationError) as err:
        services.application_decide(actor=tree.cadre, application=application, approve=False, reason=" ")
    assert "请填写未通过的原因" in err.value.message_dict["reason"][0]
    services.application_decide(actor=tree.cadre, application=application, approve=True)
    with pytest.raises(ValidationError, match="已是“已批准”"):
        services.application_decide(actor=tree.cadre, application=application, approve=True)
    programme.refresh_from_db()
    assert programme.approved_count == 1  # the second approval gave its place back


def test_only_reviewers_of_the_programme_union_decide(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    application = make_application(programme, make_member(tree.union, 21).person, tree.union, tree.cadre)
    with pytest.raises(Http404):  # 城关's cadre sees the application, but the county decides
        services.application_decide(actor=tree.union_cadre, application=application, approve=True)
    with pytest.raises((Http404, PermissionDenied)):
        services.application_decide(actor=tree.outsider, application=application, approve=True)
    application.refresh_from_db()
    assert application.status == StudyStatus.SUBMITTED


def test_a_cadre_enters_a_paper_application(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    member = make_member(tree.union, 22)
    application = services.application_enter(
        actor=tree.cadre, programme=programme, person=member.person, data=app_fields()
    )
    assert application.submitted_by == tree.cadre and not application.letter
