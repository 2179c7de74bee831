"""The scope: the one place that turns a staff user into what they may read and write.

A role on a node covers that node's subtree (a materialized-path prefix). Every
list, detail, export, count, dashboard figure and API endpoint filters through
`Scope.orgs()` / `Scope.filter()`, and fetches single objects with `require()`,
which answers 404 outside the scope (so outsiders cannot probe which records
exist) and 403 inside the scope when the role lacks the permission.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from gonghui.orgs.models import OrgNode, StaffRole
from gonghui.orgs.roles import Perm, roles_with

M = TypeVar("M", bound=Model)
_CACHE_ATTR = "_gonghui_scopes"


@dataclass(frozen=True)
class Scope:
    paths: tuple[str, ...] = ()
    everything: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.everything and not self.paths

    def q(self, prefix: str = "") -> Q:
        """Q over OrgNode (prefix "") or over a model reaching OrgNode by `prefix`, e.g. "org__"."""
        if self.everything:
            return Q()
        if not self.paths:
            return Q(pk__in=[])
        query = Q()
        for path in self.paths:
            query |= Q(**{f"{prefix}path__startswith": path})
        return query

    def orgs(self) -> QuerySet[OrgNode]:
        return OrgNode.objects.filter(self.q())

    def filter(self, queryset: QuerySet[M], org_field: str = "org") -> QuerySet[M]:
        """Rows whose `org_field` lies in scope; a subquery keeps big tables off the join."""
        if self.everything:
            return queryset
        return queryset.filter(**{f"{org_field}__in": self.orgs().values("pk")})

    def contains(self, org: OrgNode | None) -> bool:
        if org is None:
            return self.everything
        return self.everything or any(org.path.startswith(p) for p in self.paths)


def _minimal(paths: list[str]) -> tuple[str, ...]:
    """Drop paths already covered by an ancestor path."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return tuple(kept)


def scope_for(user: Any, perm: Perm = Perm.VIEW) -> Scope:
    if user is None or not user.is_authenticated or not user.is_active:
        return Scope()
    if user.is_superuser:
        return Scope(everything=True)
    cache: dict[Perm, Scope] | None = user.__dict__.get(_CACHE_ATTR)
    if cache is None:
        # One read of the user's roles answers every permission for the rest of the request.
        roles = list(StaffRole.objects.filter(user=user).values_list("role", "org__path"))
        cache = {p: Scope(paths=_minimal([path for role, path in roles if role in roles_with(p)])) for p in Perm}
        user.__dict__[_CACHE_ATTR] = cache
    return cache[perm]


def forget_scopes(user: Any) -> None:
    """Call after changing a user's roles within the same request."""
    user.__dict__.pop(_CACHE_ATTR, None)


def can(user: Any, perm: Perm, org: OrgNode | None) -> bool:
    return scope_for(user, perm).contains(org)


def require(user: Any, org: OrgNode | None, perm: Perm = Perm.VIEW) -> None:
    """404 if the org is outside what the user may see at all; 403 if seen but not permitted."""
    if not scope_for(user, Perm.VIEW).contains(org):
        raise Http404
    if perm is not Perm.VIEW and not scope_for(user, perm).contains(org):
        raise PermissionDenied


def is_staff_user(user: Any) -> bool:
    return not scope_for(user).is_empty
