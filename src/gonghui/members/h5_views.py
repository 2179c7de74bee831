"""Worker-facing join and progress pages (public: reached from a union's QR code)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from gonghui.common.access import public_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.common.ratelimits import check_rate
from gonghui.members.forms import JoinForm
from gonghui.members.identity import applicant_identities
from gonghui.members.models import JoinTarget
from gonghui.members.services import join_target_scan, member_join
from gonghui.members.worker_accounts import person_of
from gonghui.orgs.models import OrgNode


def _join_page(request: HttpRequest, org: OrgNode, join_target: JoinTarget | None) -> HttpResponse:
    """The QR join form. Anonymous callers all get one neutral answer; a signed-in worker gets their own."""
    initial = {"employment_form": join_target.employment_form} if join_target is not None else {}
    form = JoinForm(request.POST or None, initial=initial)
    signed_in = person_of(request.user)
    if request.method == "GET" and join_target is not None:
        join_target_scan(join_target=join_target)
    if request.method == "POST" and form.is_valid():
        try:
            check_rate(request, form="join", identities=applicant_identities(form.applicant()))
            result = member_join(org=org, applicant=form.applicant(), join_target=join_target, signed_in=signed_in)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            context = {"org": org, "result": result, "answer": result.answer(signed_in=signed_in is not None)}
            return render(request, "members/h5/join_done.html", context | {"signed_in": signed_in is not None})
    return render(request, "members/h5/join.html", {"org": org, "join_target": join_target, "form": form})


@public_view
@never_cache
def join(request: HttpRequest, code: str) -> HttpResponse:
    org: OrgNode = get_object_or_404(OrgNode.objects.select_related("region", "join_policy"), code=code, is_active=True)
    return _join_page(request, org, None)


@public_view
@never_cache
def join_target(request: HttpRequest, code: str) -> HttpResponse:
    join_target = get_object_or_404(
        JoinTarget.objects.select_related("org", "org__join_policy"), code=code, org__is_active=True
    )
    return _join_page(request, join_target.org, join_target)


@public_view
def progress(request: HttpRequest) -> HttpResponse:
    """进度查询 now lives in 我的: signing in with a code to the phone on record is the proof."""
    return redirect(f"{reverse('portal:signin')}?next=/h5/me/")
