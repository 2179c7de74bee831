"""The rights role: case rows only for 维权专员 and 管理员 of the case's unions; reads audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from gonghui.common.models import AuditAction, AuditEvent
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Role
from gonghui.rights.base.access import case_read, require_rights, rights_rows
from tests.factories import Tree, UserFactory, grant

pytestmark = pytest.mark.django_db


def test_only_the_rights_role_sees_rows_of_any_of_their_unions(tree: Tree) -> None:
    clerk = UserFactory(username="readonly-clerk")
    grant(clerk, tree.union, Role.READONLY)
    officer = UserFactory(username="rights-officer")
    grant(officer, tree.union, Role.RIGHTS)
    unions = OrgNode.objects.filter(pk__in=[tree.union.pk, tree.other.pk, tree.stranger.pk])
    assert set(rights_rows(officer, unions, "pk")) == {tree.union}
    assert not rights_rows(clerk, unions, "pk").exists()
    assert set(rights_rows(tree.cadre, unions, "pk")) == {tree.union, tree.other}  # 管理员 of the county
    assert set(rights_rows(tree.outsider, unions, "pk")) == {tree.stranger}  # 泰安 only
    with pytest.raises(PermissionDenied):
        require_rights(clerk, tree.union)
    require_rights(officer, tree.union)


def test_a_case_read_is_audited(tree: Tree) -> None:
    case_read(tree.cadre, tree.union, tree.union)
    assert AuditEvent.objects.filter(action=AuditAction.VIEW_SENSITIVE, actor=tree.cadre).count() == 1
