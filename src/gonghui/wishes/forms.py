"""Forms of 微心愿 (workbench and the worker's phone)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_fields import yuan
from gonghui.common.widgets import DateInput
from gonghui.orgs.drilldown import SpanForm
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.wishes.choices import ClaimantKind, WishCategory, WishSource, WishStatus
from gonghui.wishes.services import WishFields

STATUS_FILTERS = [
    ("", _("全部状态")),
    *WishStatus.choices,
    ("taken", _("已认领（含已送达、已圆梦）")),
    ("done", _("已送达或已圆梦")),
]


class WishFilterForm(SpanForm):
    """The list's filters (the 微心愿 figures' drill-down): `year`, `start` and `end` bound the day a wish was
    posted, the day every 微心愿 figure counts by; `under` narrows to a union's subtree (the view checks it)."""

    start = forms.DateField(label=_("发布日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("发布日期到"), required=False, widget=DateInput())
    q = forms.CharField(required=False, max_length=30, widget=forms.TextInput(attrs={"placeholder": _("心愿内容")}))
    status = forms.ChoiceField(required=False, choices=STATUS_FILTERS)
    source = forms.ChoiceField(required=False, choices=[("", _("全部来源")), *WishSource.choices])
    category = forms.ChoiceField(required=False, choices=[("", _("全部类别")), *WishCategory.choices])
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2100, widget=forms.NumberInput(attrs={"placeholder": _("年度")})
    )
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)


class _WishForm(forms.Form):
    title = forms.CharField(label=_("心愿"), max_length=50, help_text=_("如：一个新书包、一箱牛奶"))
    category = forms.ChoiceField(label=_("类别"), choices=WishCategory.choices)
    value = yuan(_("预估价值（元）"))
    text = forms.CharField(label=_("心愿说明"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))

    def wish_fields(self) -> WishFields:
        d = self.cleaned_data
        return WishFields(
            title=d["title"],
            text=d["text"],
            value=d["value"],
            category=d["category"],
            public_text=d.get("public_text", ""),
            private_note=d.get("private_note", ""),
        )


class WorkerWishForm(_WishForm):
    """The worker's own wish (我的): what the wall will show once the union approves it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _("会公开在心愿墙上：请不要写姓名、身份证号、手机号和家庭困难情况。")


class FamilyWishForm(_WishForm):
    """A cadre posts for a hardship family's child."""

    org = OrgPickerField(label=_("发布工会"), perm=Perm.ORG_EDIT)
    hardship_file = forms.IntegerField(
        label=_("困难职工档案编号"), required=False, min_value=1, help_text=_("可不填；填写须有帮扶权限，档案不公开")
    )
    public_text = forms.CharField(
        label=_("公开说明"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("心愿墙上显示的文字，留空则用心愿说明；不得含姓名、证件号、电话和困难详情"),
    )
    private_note = forms.CharField(
        label=_("工会备注（不公开）"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("孩子的年级、送达地点等，只有工会干部可见"),
    )
    field_order = ["org", "hardship_file", "title", "category", "value", "text", "public_text", "private_note"]


class VetForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("通过")), ("reject", _("不通过"))])
    title = forms.CharField(label=_("心愿"), max_length=50, required=False)
    public_text = forms.CharField(label=_("公开说明"), max_length=500, required=False, widget=forms.Textarea)
    reason = forms.CharField(label=_("原因"), max_length=200, required=False)


class PublicEditForm(forms.Form):
    title = forms.CharField(label=_("心愿"), max_length=50)
    public_text = forms.CharField(label=_("公开说明"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class DeskClaimForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("认领人"),
        choices=[(ClaimantKind.CADRE, _("我本人（工会干部）")), (ClaimantKind.ENTERPRISE, _("爱心企业"))],
    )
    donor_name = forms.CharField(label=_("企业名称"), max_length=100, required=False)
    uscc = forms.CharField(
        label=_("统一社会信用代码"), max_length=30, required=False, help_text=_("本会登记的企业可填")
    )


class FulfilForm(forms.Form):
    photo = forms.FileField(label=_("送达照片"), required=False)
    note = forms.CharField(
        label=_("送达说明"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ConfirmForm(forms.Form):
    thanks = forms.CharField(
        label=_("感谢留言"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PolicyForm(forms.Form):
    org = OrgPickerField(label=_("工会"), perm=Perm.ORG_EDIT)
    cap = yuan(_("心愿价值上限（元）"))
    claim_days = forms.IntegerField(label=_("认领后送达期限（天）"), min_value=1, max_value=90, initial=14)
