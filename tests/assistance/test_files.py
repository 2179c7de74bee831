import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from gonghui.assistance.choices import Category, Cause, FileStatus, StepKind
from gonghui.assistance.models import HardshipFile, SubsistenceStandard
from gonghui.assistance.selectors import file_get_for, files_for
from gonghui.assistance.services import (
    hardship_file_apply,
    hardship_file_category_override,
    hardship_file_close,
    hardship_file_notice,
    hardship_file_objection,
    hardship_file_open,
    hardship_file_recheck,
    hardship_file_reopen,
    hardship_file_review,
    hardship_file_visit,
)
from gonghui.common.models import AuditAction, AuditEvent
from gonghui.orgs.roles import Role
from tests.assistance.conftest import member_in, open_file, poor
from tests.factories import UserFactory, grant
from tests.world import World

pytestmark = pytest.mark.usefixtures("standard")


def test_the_whole_workflow_opens_a_file_with_its_history(world: World) -> None:
    file = open_file(world, member_in(world.union_a, "赵困难", 1))
    assert (file.status, file.category, file.per_capita_income) == (FileStatus.OPEN, Category.DEEP, Decimal("500.00"))
    assert file.recheck_due == timezone.localdate() + dt.timedelta(days=365)
    assert list(file.steps.values_list("kind", flat=True)) == ["apply", "review", "visit", "notice", "open"]
    assert file.visits.get().visitors == "王主席、李干事"


def test_category_is_computed_and_an_override_needs_a_reason(world: World) -> None:
    owner = world.users["owner"]
    person = member_in(world.union_a, "钱相对", 2)
    file = hardship_file_apply(actor=owner, org=world.union_a, person=person, household=poor(own_income=Decimal(3000)))
    assert file.category == Category.RELATIVE  # 1,000 per head: within twice the 800 standard
    with pytest.raises(ValidationError, match="理由"):
        hardship_file_category_override(actor=owner, file=file, category=Category.DEEP, reason=" ")
    file = hardship_file_category_override(actor=owner, file=file, category=Category.DEEP, reason="重病，支出大")
    assert (file.category, file.computed_category) == (Category.DEEP, Category.RELATIVE)
    assert file.steps.filter(kind=StepKind.OVERRIDE, data__before="relative").exists()


def test_a_household_above_the_line_cannot_open_without_an_override(world: World) -> None:
    owner = world.users["owner"]
    file = hardship_file_apply(
        actor=owner,
        org=world.union_a,
        person=member_in(world.union_a, "孙富裕", 3),
        household=poor(own_income=Decimal(9000)),
    )
    assert file.category == Category.NONE
    hardship_file_review(actor=owner, file=file, approve=True)
    hardship_file_visit(actor=owner, file=file, visited_on=timezone.localdate(), visitors="王", findings="核实")
    hardship_file_notice(actor=owner, file=file, ends_on=timezone.localdate())
    with pytest.raises(ValidationError, match="不符合建档条件"):
        hardship_file_open(actor=owner, file=file, plan="计划")


def test_missing_standard_is_a_clear_error(world: World) -> None:
    SubsistenceStandard.objects.all().delete()
    with pytest.raises(ValidationError, match="低保标准"):
        hardship_file_apply(
            actor=world.users["owner"],
            org=world.union_a,
            person=member_in(world.union_a, "李无标", 4),
            household=poor(),
        )
    assert not HardshipFile.objects.filter(person__name="李无标").exists()


def test_one_live_file_per_household_and_non_members_only_if_migrant(world: World) -> None:
    owner = world.users["owner"]
    person = member_in(world.union_a, "周重复", 5)
    hardship_file_apply(actor=owner, org=world.union_a, person=person, household=poor())
    with pytest.raises(ValidationError, match="不能重复建档"):
        hardship_file_apply(actor=owner, org=world.union_a, person=person, household=poor())
    outsider = member_in(world.union_a, "吴非会员", 6, member=False)
    with pytest.raises(ValidationError, match="会员"):
        hardship_file_apply(actor=owner, org=world.union_a, person=outsider, household=poor())
    migrant = member_in(world.union_a, "郑农民工", 7, member=False, migrant=True)
    assert hardship_file_apply(actor=owner, org=world.union_a, person=migrant, household=poor()).pk


def test_objections_need_a_resolution_and_the_notice_period_must_end(world: World) -> None:
    owner = world.users["owner"]
    file = hardship_file_apply(
        actor=owner, org=world.union_a, person=member_in(world.union_a, "王异议", 8), household=poor()
    )
    hardship_file_review(actor=owner, file=file, approve=True)
    hardship_file_visit(actor=owner, file=file, visited_on=timezone.localdate(), visitors="王", findings="核实")
    hardship_file_notice(actor=owner, file=file, ends_on=timezone.localdate() + dt.timedelta(days=5))
    with pytest.raises(ValidationError, match="结束后才能建档"):
        hardship_file_open(actor=owner, file=file, plan="计划")
    HardshipFile.objects.filter(pk=file.pk).update(notice_ends_on=timezone.localdate())
    hardship_file_objection(actor=owner, file=file, note="邻居反映家中有营运车辆")
    with pytest.raises(ValidationError, match="1 条异议"):
        hardship_file_open(actor=owner, file=file, plan="计划")
    file = hardship_file_open(actor=owner, file=file, plan="计划", resolution="车辆已于去年变卖，核实无误")
    assert file.status == FileStatus.OPEN


def test_steps_out_of_order_are_refused(world: World) -> None:
    owner = world.users["owner"]
    file = hardship_file_apply(
        actor=owner, org=world.union_a, person=member_in(world.union_a, "冯跳步", 9), household=poor()
    )
    with pytest.raises(ValidationError, match="不能进行此操作"):
        hardship_file_notice(actor=owner, file=file, ends_on=timezone.localdate())
    with pytest.raises(ValidationError, match="理由"):
        hardship_file_review(actor=owner, file=file, approve=False)
    assert hardship_file_review(actor=owner, file=file, approve=False, note="收入超标").status == FileStatus.REJECTED


def test_close_then_reopen_counts_the_fall_back(world: World) -> None:
    owner = world.users["owner"]
    file = open_file(world, member_in(world.union_a, "陈返困", 10))
    hardship_file_recheck(actor=owner, file=file, household=poor(own_income=Decimal(6000)), note="再就业")
    file.refresh_from_db()
    assert file.category == Category.NONE and file.steps.filter(kind=StepKind.RECHECK, data__after="none").exists()
    hardship_file_close(actor=owner, file=file, reason="再就业，收入稳定")
    file = hardship_file_reopen(actor=owner, file=file, reason="再次失业")
    assert (file.status, file.times_reopened) == (FileStatus.OPEN, 1)
    assert list(files_for(owner, status="fell_back")) == [file]


def test_recheck_reminders_list_the_files_due(world: World) -> None:
    file = open_file(world, member_in(world.union_a, "褚复核", 11))
    assert not files_for(world.users["owner"], status="recheck_due").exists()
    HardshipFile.objects.filter(pk=file.pk).update(recheck_due=timezone.localdate())
    assert list(files_for(world.users["owner"], status="recheck_due")) == [file]


def test_only_the_assistance_role_in_scope_sees_files_and_every_view_is_audited(world: World) -> None:
    file = open_file(world, member_in(world.union_a, "卫隐私", 12))
    reader = UserFactory(username="reader")
    grant(reader, world.union_a, Role.READONLY)
    helper = UserFactory(username="town-helper")
    grant(helper, world.town_a, Role.ASSISTANCE)
    assert set(files_for(helper)) == {file, world.aid_file}
    assert not files_for(reader).exists() and not files_for(world.users["sibling"]).exists()
    with pytest.raises(PermissionDenied):
        file_get_for(reader, file.pk)
    with pytest.raises(Http404):
        file_get_for(world.users["sibling"], file.pk)
    file_get_for(helper, file.pk)
    assert (
        AuditEvent.objects.filter(actor=helper, action=AuditAction.VIEW_SENSITIVE, target_id=str(file.pk)).count() == 1
    )
    with pytest.raises(PermissionDenied):
        hardship_file_close(actor=reader, file=file, reason="x")


def test_bank_account_is_sealed(world: World) -> None:
    from django.db import connection

    file = hardship_file_apply(
        actor=world.users["owner"],
        org=world.union_a,
        person=member_in(world.union_a, "蒋银行", 13),
        household=poor(main_cause=Cause.DISABILITY),
        bank_account="6222021234567890123",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT bank_account FROM assistance_hardshipfile WHERE id = %s", [file.pk])
        assert "6222021234567890123" not in cursor.fetchone()[0]
    assert "6222021234567890123" not in str(HardshipFile.objects.get(pk=file.pk).bank_account)


def test_a_household_statement_cannot_set_workflow_fields(world: World) -> None:
    with pytest.raises(ValidationError, match="status"):
        hardship_file_apply(
            actor=world.users["owner"],
            org=world.union_a,
            person=member_in(world.union_a, "沈越权", 14),
            household=poor(details={"status": "open", "health": "serious"}),
        )
    assert not HardshipFile.objects.filter(person__name="沈越权").exists()


def test_the_subsistence_table_is_kept_by_assistance_staff(world: World) -> None:
    from gonghui.assistance.services import subsistence_standard_set
    from gonghui.orgs.models import Region

    region = Region.objects.get(code="320925")
    with pytest.raises(PermissionDenied):
        subsistence_standard_set(actor=world.users["outsider"], region=region, year=2030, monthly=Decimal("900"))
    with pytest.raises(ValidationError, match="大于 0"):
        subsistence_standard_set(actor=world.users["owner"], region=region, year=2030, monthly=Decimal("0"))
    subsistence_standard_set(actor=world.users["owner"], region=region, year=2030, monthly=Decimal("900"))
    subsistence_standard_set(actor=world.users["owner"], region=region, year=2030, monthly=Decimal("950"))
    assert SubsistenceStandard.objects.get(region=region, year=2030).monthly == Decimal("950")
