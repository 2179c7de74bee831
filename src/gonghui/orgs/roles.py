"""Staff roles on tree nodes and what each allows. A role covers its node's subtree."""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("管理员")
    ORGANIZER = "organizer", _("组织干事")
    ASSISTANCE = "assistance", _("帮扶专员")
    FINANCE = "finance", _("财务")
    REVIEWER = "reviewer", _("审核人")
    RIGHTS = "rights", _("维权专员")
    READONLY = "readonly", _("只读")


class Perm(StrEnum):
    VIEW = "view"  # see union data in the subtree (masked personal data)
    ORG_EDIT = "org_edit"  # create/edit/move org nodes, enterprises, committees, members
    STAFF_MANAGE = "staff_manage"  # grant and revoke roles
    PII_FULL = "pii_full"  # see or export full ID/phone numbers (audited)
    AUDIT_VIEW = "audit_view"
    ASSISTANCE = "assistance"  # hardship files and aid cases
    FINANCE = "finance"  # payouts, budgets
    REVIEW = "review"  # approve applications
    RIGHTS = "rights"  # legal aid, disputes, arrears, warnings: case records (read-audited)


ROLE_PERMS: dict[str, frozenset[Perm]] = {
    Role.ADMIN: frozenset(Perm),
    Role.ORGANIZER: frozenset({Perm.VIEW, Perm.ORG_EDIT, Perm.REVIEW}),
    Role.ASSISTANCE: frozenset({Perm.VIEW, Perm.ASSISTANCE}),
    Role.FINANCE: frozenset({Perm.VIEW, Perm.FINANCE}),
    Role.REVIEWER: frozenset({Perm.VIEW, Perm.REVIEW}),
    Role.RIGHTS: frozenset({Perm.VIEW, Perm.RIGHTS}),
    Role.READONLY: frozenset({Perm.VIEW}),
}


def roles_with(perm: Perm) -> list[str]:
    return [role for role, perms in ROLE_PERMS.items() if perm in perms]
