"""The per-client limit for a public form that names no identity (an objection to a public notice).

Counted in the shared "limits" cache (common.ratelimits), one bucket per form, so it holds across app
servers and restarts and one busy form does not lock out the others.
"""

from __future__ import annotations

from django.http import HttpRequest

from gonghui.common.ratelimits import check_rate


def require_submission_slot(request: HttpRequest) -> None:
    """Count one try of this public form for the client; RateLimited (a ValidationError) when over."""
    match = request.resolver_match
    check_rate(request, form=f"public:{match.view_name if match else request.path}")
