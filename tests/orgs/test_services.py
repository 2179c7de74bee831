import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from gonghui.common.models import AuditAction, AuditEvent
from gonghui.orgs.demo import demo_uscc
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import CommitteeBody, OrgNode, SeatPosition
from gonghui.orgs.roles import Role
from gonghui.orgs.services import (
    EnterpriseFields,
    OrgFields,
    Seat,
    committee_term_record,
    enterprise_create,
    enterprise_update,
    org_create,
    org_move,
    org_update,
)
from tests.factories import UserFactory, grant
from tests.world import World


def fields(name: str = "新建基层工会", kind: str = OrgKind.GRASSROOTS, **extra: object) -> OrgFields:
    return OrgFields(name=name, kind=kind, region_code="320904", **extra)  # type: ignore[arg-type]


def test_create_sets_path_search_keys_and_audits(world: World) -> None:
    owner = world.users["owner"]
    node = org_create(actor=owner, parent=world.town_a, fields=fields("劉莊機械廠工會"), code="Liuzhuang")
    assert node.code == "liuzhuang"
    assert node.path.startswith(world.town_a.path) and node.depth == world.town_a.depth + 1
    assert (node.name_simplified, node.name_pinyin, node.name_initials) == (
        "刘庄机械厂工会",
        "liuzhuangjixiechanggonghui",
        "lzjxcgh",
    )
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, target_id=str(node.pk), org=node).exists()


def test_code_is_generated_from_the_region_when_left_blank(world: World) -> None:
    node = org_create(actor=world.users["owner"], parent=world.town_a, fields=fields())
    assert node.code.startswith("320904-")


def test_kind_rules_are_enforced_with_chinese_messages(world: World) -> None:
    with pytest.raises(ValidationError) as info:
        org_create(actor=world.users["owner"], parent=world.union_a, fields=fields(kind=OrgKind.TOWN))
    assert "不能设在" in info.value.message_dict["kind"][0]


def test_grassroots_uscc_must_be_valid_and_start_with_81(world: World) -> None:
    owner = world.users["owner"]
    with pytest.raises(ValidationError) as info:
        org_create(actor=owner, parent=world.town_a, fields=fields(uscc=demo_uscc("91", "320904", "x")))
    assert "81" in info.value.message_dict["uscc"][0]
    code = demo_uscc("81", "320904", "x")
    org_create(actor=owner, parent=world.town_a, fields=fields(uscc=code.lower()))
    with pytest.raises(ValidationError) as info:
        org_create(actor=owner, parent=world.town_a, fields=fields(name="另一个", uscc=code))
    assert "已被" in info.value.message_dict["uscc"][0]


def test_bad_input_changes_nothing(world: World) -> None:
    before = OrgNode.objects.count()
    with pytest.raises(ValidationError) as info:
        org_create(
            actor=world.users["owner"],
            parent=world.town_a,
            fields=OrgFields(name=" ", kind="nonsense", region_code="999999", established_on=dt.date(2999, 1, 1)),
        )
    assert set(info.value.message_dict) == {"name", "kind", "region_code", "established_on"}
    assert OrgNode.objects.count() == before


def test_sibling_cannot_create_or_edit_in_another_subtree(world: World) -> None:
    with pytest.raises(Http404):
        org_create(actor=world.users["sibling"], parent=world.town_a, fields=fields())
    with pytest.raises(Http404):
        org_update(actor=world.users["sibling"], org=world.union_a, fields=fields())


def test_readonly_role_sees_but_cannot_write(world: World) -> None:
    reader = UserFactory()
    grant(reader, world.county_a, Role.READONLY)
    with pytest.raises(PermissionDenied):
        org_create(actor=reader, parent=world.town_a, fields=fields())


def test_only_platform_admins_create_roots(world: World) -> None:
    with pytest.raises(PermissionDenied):
        org_create(actor=world.users["owner"], parent=None, fields=fields("某市总工会", kind=OrgKind.FED_CITY))
    admin = UserFactory(is_superuser=True)
    root = org_create(actor=admin, parent=None, fields=fields("某市总工会", kind=OrgKind.FED_CITY))
    assert root.depth == 1


def test_update_records_what_changed(world: World) -> None:
    org_update(actor=world.users["owner"], org=world.union_a, fields=fields("测试基层工会", chair_name="张三"))
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, target_id=str(world.union_a.pk)).latest("pk")
    assert event.detail == {"chair_name": ["", "张三"]}


def test_kind_change_must_still_fit_the_children(world: World) -> None:
    with pytest.raises(ValidationError):
        org_update(
            actor=world.users["owner"], org=world.town_a, fields=fields("大中街道总工会", kind=OrgKind.GRASSROOTS)
        )


def test_move_rewrites_the_subtree_and_counts(world: World) -> None:
    owner = world.users["owner"]
    child = org_create(actor=owner, parent=world.union_a, fields=fields("车间小组", kind=OrgKind.GROUP))
    org_move(actor=owner, org=world.union_a, new_parent=world.joint_a)
    world.refresh()
    child.refresh_from_db()
    assert world.union_a.path.startswith(world.joint_a.path)
    assert child.path.startswith(world.union_a.path)
    assert world.joint_a.numchild == 1
    assert OrgNode.objects.get(pk=world.town_a.pk).numchild == 1  # only joint_a is left directly under it
    assert AuditEvent.objects.filter(action=AuditAction.MOVE, target_id=str(world.union_a.pk)).exists()


def test_move_refuses_cycles_kinds_and_foreign_targets(world: World) -> None:
    owner = world.users["owner"]
    with pytest.raises(ValidationError):
        org_move(actor=owner, org=world.town_a, new_parent=world.union_a)  # into its own subtree
    with pytest.raises(ValidationError):
        org_move(actor=owner, org=world.union_a, new_parent=world.town_a)  # already there
    with pytest.raises(Http404):
        org_move(actor=owner, org=world.union_a, new_parent=world.county_b)  # target outside scope
    with pytest.raises(ValidationError):
        org_move(
            actor=UserFactory(is_superuser=True), org=world.county_a, new_parent=world.county_b
        )  # county under county


def test_enterprise_uscc_is_validated_and_unique(world: World) -> None:
    owner = world.users["owner"]
    data = EnterpriseFields(
        name="盐城新能源有限公司", uscc="bad", industry="C", ownership="private", employee_count=5, region_code="320904"
    )
    with pytest.raises(ValidationError) as info:
        enterprise_create(actor=owner, union=world.union_a, fields=data)
    assert "统一社会信用代码" in info.value.message_dict["uscc"][0]
    data.uscc = world.enterprise.uscc
    with pytest.raises(ValidationError) as info:
        enterprise_create(actor=owner, union=world.union_a, fields=data)
    assert "重复" in info.value.message_dict["uscc"][0]


def test_enterprise_phone_change_is_audited_masked(world: World) -> None:
    e = world.enterprise
    data = EnterpriseFields(
        name=e.name,
        uscc=e.uscc,
        industry=e.industry,
        ownership=e.ownership,
        employee_count=e.employee_count,
        region_code=e.region_id,
        contact_phone="13800001111",
    )
    enterprise_update(actor=world.users["owner"], enterprise=e, fields=data)
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, target_id=str(e.pk)).latest("id")
    assert event.detail["contact_phone"] == ["139****5678", "138****1111"]
    assert "13800001111" not in str(event.detail)
    data.contact_phone = ""  # blank keeps the stored number
    enterprise_update(actor=world.users["owner"], enterprise=e, fields=data)
    e.refresh_from_db()
    assert e.contact_phone == "13800001111"


def test_election_records_seats_and_sets_the_chair(world: World) -> None:
    today = timezone.localdate()
    committee_term_record(
        actor=world.users["owner"],
        org=world.union_a,
        body=CommitteeBody.UNION_COMMITTEE,
        number=2,
        elected_on=today,
        starts_on=today,
        ends_on=today.replace(year=today.year + 5),
        seats=[Seat("郑向乐", SeatPosition.CHAIR), Seat("陈奇", SeatPosition.MEMBER, True)],
    )
    world.union_a.refresh_from_db()
    assert world.union_a.chair_name == "郑向乐"
    assert world.union_a.terms.get(number=2).seats.count() == 2


def test_election_rules(world: World) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError) as info:
        committee_term_record(
            actor=world.users["owner"],
            org=world.union_a,
            body=CommitteeBody.UNION_COMMITTEE,
            number=1,
            elected_on=today,
            starts_on=today,
            ends_on=today,
            seats=[Seat("甲", SeatPosition.MEMBER)],
        )
    assert set(info.value.message_dict) == {"ends_on", "number", "seats"}
