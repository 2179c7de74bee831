from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from gonghui.orgs.scope import scope_for


def workbench(request: HttpRequest) -> dict[str, Any]:
    """Navigation for the signed-in staff user, filtered by what their roles allow."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from gonghui.workbench.nav import NAV

    groups: dict[str, list[dict[str, Any]]] = {}
    for item in NAV:
        if item.perm is not None and scope_for(user, item.perm).is_empty:
            continue
        url = reverse(item.url_name)
        groups.setdefault(str(item.module), []).append({"label": item.label, "url": url, "active": request.path == url})
    return {"nav_groups": groups}
