import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from gonghui.assistance.choices import Category, Cause
from gonghui.assistance.models import StudyAnnex
from gonghui.campaigns.choices import TargetGroup
from gonghui.campaigns.models import Beneficiary
from gonghui.campaigns.rules import beneficiaries_by_rule
from gonghui.members.models import Membership
from gonghui.orgs.roles import Role
from tests.assistance.conftest import member_in, open_file
from tests.factories import UserFactory, grant
from tests.ledger.conftest import winter
from tests.world import World


def _names(campaign: object) -> set[str]:
    return set(Beneficiary.objects.filter(campaign=campaign).values_list("person__name", flat=True))


def _form(person: object, form: str) -> None:
    Membership.objects.filter(person=person).update(employment_form=form)


def test_outdoor_rule_takes_drivers_couriers_and_riders_in_the_subtree_once(world: World) -> None:
    campaign = winter(world.town_a)
    _form(member_in(world.union_a, "司机甲", 1), "truck_driver")
    _form(member_in(world.joint_a, "骑手乙", 2), "delivery")
    _form(member_in(world.union_a, "文员丙", 3), "contract")
    _form(member_in(world.union_b, "外县司机", 4), "truck_driver")  # another county: not this campaign's
    owner = world.users["owner"]
    assert beneficiaries_by_rule(actor=owner, campaign=campaign, group=TargetGroup.OUTDOOR) == 2
    assert _names(campaign) == {"司机甲", "骑手乙"}
    assert beneficiaries_by_rule(actor=owner, campaign=campaign, group=TargetGroup.OUTDOOR) == 0  # rerun: nothing new
    row = Beneficiary.objects.get(campaign=campaign, person__name="骑手乙")
    assert (row.org, row.source, row.note) == (world.joint_a, "rule", "户外劳动者")


def test_hardship_rules_read_open_files_by_category_cause_and_children(world: World, standard: object) -> None:
    campaign = winter(world.town_a)
    owner = world.users["owner"]
    dust = open_file(world, member_in(world.union_a, "尘肺甲", 11, migrant=True, member=False))
    dust.main_cause = Cause.PNEUMOCONIOSIS
    dust.save(update_fields=["main_cause"])
    other = open_file(world, member_in(world.union_a, "大病乙", 12))
    other.other_causes = [Cause.PNEUMOCONIOSIS]
    other.save(update_fields=["other_causes"])
    plain = open_file(world, member_in(world.union_a, "普通丙", 13))
    StudyAnnex.objects.create(file=plain, student="普小明", school="大中中学", grade="初二")
    assert beneficiaries_by_rule(actor=owner, campaign=campaign, group=TargetGroup.PNEUMOCONIOSIS) == 2
    assert _names(campaign) == {"尘肺甲", "大病乙"}  # a non-member migrant with a file is reached too
    assert beneficiaries_by_rule(actor=owner, campaign=campaign, group=TargetGroup.STUDENTS) == 1
    assert (
        beneficiaries_by_rule(actor=owner, campaign=campaign, group=TargetGroup.HARDSHIP, category=Category.RELATIVE)
        == 0
    )  # all three are 深度困难
    with pytest.raises(ValidationError):
        beneficiaries_by_rule(actor=owner, campaign=campaign, group=TargetGroup.HARDSHIP, category="bogus")


def test_only_assistance_staff_in_scope_build_lists(world: World) -> None:
    campaign = winter(world.town_a)
    with pytest.raises(Http404):
        beneficiaries_by_rule(actor=world.users["sibling"], campaign=campaign, group=TargetGroup.ALL_MEMBERS)
    assert Beneficiary.objects.filter(campaign=campaign).count() == 0
    viewer = UserFactory()
    grant(viewer, world.town_a, Role.READONLY)
    with pytest.raises(PermissionDenied):
        beneficiaries_by_rule(actor=viewer, campaign=campaign, group=TargetGroup.ALL_MEMBERS)
