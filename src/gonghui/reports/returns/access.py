"""Who may do what with a return. Reading follows the scope (the union's staff and every federation above it);
submitting is for the union's own staff, since the return is the union's word on its numbers; returning one
(退回) is for the federation it is filed to (the parent) or above, never for the union itself."""

from __future__ import annotations

from typing import Any

from gonghui.orgs.models import OrgNode, StaffRole
from gonghui.orgs.roles import Perm, roles_with
from gonghui.orgs.scope import can

SUBMIT_PERM = Perm.ORG_EDIT  # admins and organizers (组织干事) file the union's statistics
SEND_BACK_PERM = Perm.REVIEW


def may_submit(user: Any, org: OrgNode) -> bool:
    """A role with SUBMIT_PERM on the union itself (a platform administrator may act for any union)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return StaffRole.objects.filter(user=user, org=org, role__in=roles_with(SUBMIT_PERM)).exists()


def may_send_back(user: Any, org: OrgNode) -> bool:
    """SEND_BACK_PERM over the union's parent: its staff and the staff of federations above it."""
    parent = OrgNode.objects.get_parent(org)
    return parent is not None and can(user, SEND_BACK_PERM, parent)
