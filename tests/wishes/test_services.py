"""Posting, the per-union cap and its inheritance, vetting, editing the public text, withdrawing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from gonghui.assistance.models import HardshipFile
from gonghui.common.models import AuditEvent
from gonghui.members.models import Person
from gonghui.members.services import person_keys
from gonghui.wishes import services
from gonghui.wishes.choices import WishSource, WishStatus
from gonghui.wishes.models import Wish
from gonghui.wishes.rules import DEFAULT_CAP, DEFAULT_CLAIM_DAYS, rules_for
from tests.factories import Tree, id_number, make_member
from tests.wishes.factories import fields


def test_the_cap_is_the_nearest_ancestors_or_the_default(tree: Tree) -> None:
    assert rules_for(tree.union).cap == DEFAULT_CAP == Decimal(500)
    assert rules_for(tree.union).claim_days == DEFAULT_CLAIM_DAYS and rules_for(tree.union).set_by is None
    services.policy_set(actor=tree.cadre, org=tree.county, cap=Decimal(300), claim_days=10)
    assert rules_for(tree.union).cap == 300 and rules_for(tree.union).set_by == tree.county
    services.policy_set(actor=tree.union_cadre, org=tree.union, cap=Decimal(800), claim_days=5)
    assert (rules_for(tree.union).cap, rules_for(tree.union).claim_days) == (800, 5)
    assert rules_for(tree.other).cap == 300  # the sibling still follows the county
    assert rules_for(tree.stranger).cap == DEFAULT_CAP
    assert AuditEvent.objects.filter(target_type="wishes.wishpolicy").count() == 2


def test_policy_checks_and_scope(tree: Tree) -> None:
    with pytest.raises(ValidationError) as caught:
        services.policy_set(actor=tree.cadre, org=tree.county, cap=Decimal(0), claim_days=0)
    assert set(caught.value.message_dict) == {"cap", "claim_days"}
    with pytest.raises(Http404):
        services.policy_set(actor=tree.outsider, org=tree.county, cap=Decimal(100), claim_days=7)
    with pytest.raises(Http404):  # a grassroots cadre cannot set the county's rule
        services.policy_set(actor=tree.union_cadre, org=tree.county, cap=Decimal(100), claim_days=7)


def test_a_worker_posts_within_the_cap_of_their_union(tree: Tree) -> None:
    member = make_member(tree.union, 1)
    services.policy_set(actor=tree.cadre, org=tree.county, cap=Decimal(200), claim_days=10)
    with pytest.raises(ValidationError) as caught:
        services.wish_post(person=member.person, user=tree.cadre, data=fields(value=Decimal(260)))
    assert "超过了本会的上限200元" in caught.value.message_dict["value"][0]
    assert not Wish.objects.exists()
    wish = services.wish_post(person=member.person, user=tree.cadre, data=fields(value=Decimal(200)))
    assert (wish.org, wish.person, wish.source, wish.status) == (tree.union, member.person, "self", "pending")
    with pytest.raises(ValidationError, match="进行中的心愿"):
        services.wish_post(person=member.person, user=tree.cadre, data=fields(title="一箱牛奶"))
    assert Wish.objects.count() == 1


def test_a_wish_with_an_id_or_mobile_number_is_refused_and_nothing_is_saved(tree: Tree) -> None:
    member = make_member(tree.union, 1)
    with pytest.raises(ValidationError) as caught:
        services.wish_post(person=member.person, user=tree.cadre, data=fields(text=f"我的身份证{id_number(3)}"))
    assert "身份证号码" in caught.value.message_dict["text"][0]
    with pytest.raises(ValidationError) as caught:
        services.wish_post(person=member.person, user=tree.cadre, data=fields(title="书包 13912345678"))
    assert "手机号码" in caught.value.message_dict["title"][0]
    with pytest.raises(ValidationError) as caught:
        services.wish_post(person=member.person, user=tree.cadre, data=fields(text=f"我是{member.person.name}"))
    assert "姓名" in caught.value.message_dict["text"][0]
    assert not Wish.objects.exists()


def test_only_members_on_the_roll_post(tree: Tree) -> None:
    stranger = Person.objects.create(name="赵路人", id_number=id_number(99), **person_keys("赵路人"))
    with pytest.raises(ValidationError, match="在册会员"):
        services.wish_post(person=stranger, user=tree.cadre, data=fields())


def _file(tree: Tree, *, status: str = "open") -> HardshipFile:
    head = make_member(tree.union, 50, name="孙秀兰", sex="F").person
    return HardshipFile.objects.create(
        org=tree.union, person=head, status=status, category="deep", own_income=900, family_size=3, main_cause="illness"
    )


def test_a_cadre_posts_for_a_hardship_family(tree: Tree) -> None:
    file = _file(tree)
    data = fields(
        title="一箱牛奶",
        text="孙秀兰家的孩子读初一，营养跟不上。",
        public_text="一名初一学生想要一箱牛奶。",
        private_note="城关中学初一（3）班，送到工会",
    )
    wish = services.wish_post_for_family(actor=tree.cadre, org=tree.union, data=data, hardship_file=file)
    assert (wish.source, wish.person, wish.hardship_file, wish.status) == (
        WishSource.FAMILY,
        file.person,
        file,
        "pending",
    )
    # The head's name may be in the private text, never in what the wall shows.
    with pytest.raises(ValidationError) as caught:
        services.wish_post_for_family(
            actor=tree.cadre, org=tree.union, data=fields(public_text="孙秀兰的孩子想要书包"), hardship_file=file
        )
    assert "姓名" in caught.value.message_dict["public_text"][0]
    # The file must be in the posting union's subtree, and the cadre must hold the assistance permission.
    with pytest.raises(ValidationError, match="下级工会"):
        services.wish_post_for_family(actor=tree.cadre, org=tree.other, data=fields(), hardship_file=file)
    with pytest.raises(Http404):
        services.wish_post_for_family(actor=tree.outsider, org=tree.union, data=fields())
    closed = _file_closed(tree)
    with pytest.raises(ValidationError, match="已解困"):
        services.wish_post_for_family(actor=tree.cadre, org=tree.union, data=fields(), hardship_file=closed)
    assert Wish.objects.count() == 1


def _file_closed(tree: Tree) -> HardshipFile:
    head = make_member(tree.union, 51).person
    return HardshipFile.objects.create(
        org=tree.union,
        person=head,
        status="closed",
        category="deep",
        own_income=900,
        family_size=3,
        main_cause="illness",
    )


def test_vetting_approves_with_an_edited_public_text_or_refuses_with_a_reason(tree: Tree) -> None:
    member = make_member(tree.union, 1)
    wish = services.wish_post(person=member.person, user=tree.cadre, data=fields())
    with pytest.raises(ValidationError) as caught:
        services.wish_vet(actor=tree.cadre, wish=wish, approve=True, public_text="请打电话 13912345678")
    assert "手机号码" in caught.value.message_dict["public_text"][0]
    wish.refresh_from_db()
    assert wish.status == WishStatus.PENDING and wish.public_text == ""
    with pytest.raises(Http404):
        services.wish_vet(actor=tree.outsider, wish=wish, approve=True)
    wish = services.wish_vet(actor=tree.cadre, wish=wish, approve=True, public_text="一位快递员想要一个新书包给孩子。")
    assert wish.status == WishStatus.OPEN and wish.vetted_by == tree.cadre
    with pytest.raises(ValidationError, match="已审核"):
        services.wish_vet(actor=tree.cadre, wish=wish, approve=False, reason="重复")
    wish = services.wish_public_edit(
        actor=tree.cadre, wish=wish, title="新书包", public_text="一位快递员的孩子想要书包。"
    )
    assert wish.title == "新书包"

    other = make_member(tree.union, 2)
    refused = services.wish_post(person=other.person, user=tree.cadre, data=fields())
    with pytest.raises(ValidationError, match="原因"):
        services.wish_vet(actor=tree.cadre, wish=refused, approve=False)
    refused = services.wish_vet(actor=tree.cadre, wish=refused, approve=False, reason="价值说明不清，请补充")
    assert refused.status == WishStatus.REJECTED and refused.reason == "价值说明不清，请补充"


def test_vetting_needs_the_review_permission(tree: Tree) -> None:
    from gonghui.orgs.roles import Role
    from tests.factories import UserFactory, grant

    reader = UserFactory(username="reader")
    grant(reader, tree.county, Role.READONLY)
    member = make_member(tree.union, 1)
    wish = services.wish_post(person=member.person, user=tree.cadre, data=fields())
    with pytest.raises(PermissionDenied):
        services.wish_vet(actor=reader, wish=wish, approve=True)


def test_the_worker_withdraws_only_their_own_waiting_wish(tree: Tree) -> None:
    member, other = make_member(tree.union, 1), make_member(tree.union, 2)
    wish = services.wish_post(person=member.person, user=tree.cadre, data=fields())
    with pytest.raises(ValidationError, match="自己发布"):
        services.wish_withdraw(person=other.person, wish=wish)
    assert services.wish_withdraw(person=member.person, wish=wish).status == WishStatus.WITHDRAWN
    services.wish_post(person=member.person, user=tree.cadre, data=fields())  # a new one may follow
