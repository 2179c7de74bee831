from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gonghui.common.mobile import validate_mobile
from gonghui.members.choices import ChangeKind


class MobileForm(forms.Form):
    mobile = forms.CharField(
        label=_("手机号码"), max_length=20, widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"})
    )

    def clean_mobile(self) -> str:
        try:
            return validate_mobile(self.cleaned_data["mobile"])
        except ValidationError as exc:
            raise ValidationError(exc.messages[0]) from exc


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("短信验证码"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class IdentifyForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=30)
    id_number = forms.CharField(
        label=_("身份证号码"), max_length=30, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


class OldNumberForm(IdentifyForm):
    code = forms.CharField(label=_("原手机号收到的验证码"), max_length=6, required=False)


class RequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("申请事项"), choices=[(ChangeKind.CORRECTION, _("信息更正")), (ChangeKind.LEAVE, _("退会申请"))]
    )
    detail = forms.CharField(label=_("说明"), max_length=500, widget=forms.Textarea(attrs={"rows": 4}))
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)  # 退会 is asked twice
