"""The drill-down page behind the training figures: the same counts, in the user's scope, for a union's
subtree and a year, per union one level down (each with its subtree), per trade and per month."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import under_org
from gonghui.orgs.scope import scope_for
from gonghui.skills.training import stats
from gonghui.skills.training.forms import YearForm


def stats_context(request: HttpRequest) -> dict[str, Any]:
    form = YearForm(request.GET or None)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or timezone.localdate().year
    under = under_org(request)
    where = scope_for(request.user).q("org__")
    parent: OrgNode | None = under
    if under is not None:
        where &= stats.subtree(under)
        children = list(org_selectors.org_children_for(request.user, under))
    else:
        roots = org_selectors.org_roots_for(request.user)
        parent = roots[0] if len(roots) == 1 else None
        children = list(org_selectors.org_children_for(request.user, parent)) if parent else roots
    return {
        "year": year,
        "under": under,
        "parent": parent,
        "totals": stats.totals(where, year),
        "by_union": stats.by_union(where, year, parent, children[:60], _("本级主办")),
        "by_trade": stats.by_trade(where, year, _("未注明工种")),
        "by_month": stats.by_month(where, year),
    }
