"""The worker's own hardship application on a phone, reached from the union's page or QR code.

The applicant is the signed-in worker (a phone code, and an account bound to their own record), so nobody
opens a file in someone else's name. A 农民工 in no union may apply without membership (the national rules
allow it) by saying so; a migrant worker not on record at all asks the union, whose 帮扶专员 records them.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gonghui.assistance.forms import AidApplyForm
from gonghui.assistance.services import declare_migrant, hardship_file_apply
from gonghui.common.form_errors import apply_validation_error
from gonghui.common.ratelimits import check_rate
from gonghui.members.choices import LIVE_STATUSES
from gonghui.members.models import Membership
from gonghui.members.worker_access import worker_view
from gonghui.orgs.models import OrgNode


@worker_view
@never_cache
def aid_apply(request: HttpRequest, code: str) -> HttpResponse:
    org: OrgNode = get_object_or_404(OrgNode.objects.select_related("region"), code=code, is_active=True)
    person = request.person  # type: ignore[attr-defined]
    form = AidApplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            check_rate(request, form="aid-apply", identities={"id": person.id_hmac})
            if not d["consent"]:
                raise ValidationError({"consent": _("请阅读并同意个人信息处理说明后再提交。")})
            with transaction.atomic():
                if d["migrant"]:
                    declare_migrant(person)
                file = hardship_file_apply(
                    actor=AnonymousUser(), org=org, person=person, household=form.household(), by_worker=True
                )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return render(request, "assistance/h5/apply_done.html", {"org": org, "file": file})
    in_union = Membership.objects.filter(person=person, status__in=LIVE_STATUSES).exists()
    context = {"org": org, "form": form, "person": person, "in_union": in_union}
    return render(request, "assistance/h5/apply.html", context)
