from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.org_field import OrgPickerField
from gonghui.reports.returns.choices import FilingStatus
from gonghui.reports.returns.services import REASON_MAX, REMARKS_MAX


class PickForm(forms.Form):
    under = OrgPickerField(label=_("工会组织"), required=False, help_text="")


class SubmitForm(forms.Form):
    remarks = forms.CharField(
        label=_("填报说明"),
        max_length=REMARKS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("如数字有需要说明的变化，写在这里，随报表报送上级工会。"),
    )


class SendBackForm(forms.Form):
    reason = forms.CharField(label=_("退回原因"), max_length=REASON_MAX)


class ChildrenFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部状态")), *FilingStatus.choices])
    page = forms.IntegerField(min_value=1, required=False)
