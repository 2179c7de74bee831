"""Upload a beneficiary list for a campaign; the job page shows the result and the error report."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.campaigns import selectors
from gonghui.campaigns.importer import beneficiary_import_start
from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("慰问对象名单"), help_text=gettext_lazy("xlsx、xls 或 csv，须有“姓名”“身份证号”两列")
    )


@staff_view
def beneficiary_import(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for(request.user, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = beneficiary_import_start(actor=request.user, campaign=campaign, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return redirect("workbench:job", pk=job.pk)
    title = _("导入慰问对象 · %(name)s") % {"name": campaign.name}
    return render(request, "campaigns/import.html", {"form": form, "title": title, "c": campaign})
