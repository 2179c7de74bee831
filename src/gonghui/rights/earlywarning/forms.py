"""Workbench forms of 劳动关系预警 and 法治体检 (services do the checking; these only collect input)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.accounts.models import User
from gonghui.common.widgets import DateInput
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.rights.earlywarning.choices import EnteredKind, FindingResult, Indicator
from gonghui.rights.earlywarning.models import Rectification
from gonghui.rights.earlywarning.scoring import DEFAULT

USCC: dict[str, Any] = {"label": _("统一社会信用代码"), "max_length": 30}
# Values a service checks with its own Chinese reasons (a negative value, thresholds out of order): the
# fields accept any number so those reasons reach the page.
NUMBER: dict[str, Any] = {"max_digits": 14, "decimal_places": 2}


class EntryForm(forms.Form):
    uscc = forms.CharField(**USCC)
    kind = forms.ChoiceField(label=_("指标"), choices=EnteredKind.choices)
    value = forms.DecimalField(
        label=_("数值"), help_text=_("裁员人数（人）、社保欠缴（月）或超时加班投诉（件）"), **NUMBER
    )
    as_of = forms.DateField(label=_("截至日期"), widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(label=_("说明"), max_length=200, required=False)


class SchemeForm(forms.Form):
    org = OrgPickerField(label=_("工会"), perm=Perm.RIGHTS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key in Indicator.values:
            self.fields[f"w_{key}"] = forms.DecimalField(
                label=_("权重：%(name)s") % {"name": Indicator(key).label}, initial=DEFAULT.weights[key], **NUMBER
            )
        for key, label in (("blue", _("蓝色")), ("yellow", _("黄色")), ("orange", _("橙色")), ("red", _("红色"))):
            self.fields[key] = forms.DecimalField(
                label=_("%(level)s预警起点分值") % {"level": label}, initial=getattr(DEFAULT, key), **NUMBER
            )


class ChecklistItemForm(forms.Form):
    org = OrgPickerField(label=_("工会"), perm=Perm.RIGHTS)
    name = forms.CharField(label=_("体检项目"), max_length=50)
    sort = forms.IntegerField(label=_("排序"), min_value=0, max_value=999, initial=100)


class CheckupForm(forms.Form):
    uscc = forms.CharField(**USCC)
    visited_on = forms.DateField(label=_("体检日期"), widget=DateInput(), initial=timezone.localdate)
    team = forms.CharField(label=_("体检人员"), max_length=200, help_text=_("如：市总工会法律服务团 王律师、李律师"))
    summary = forms.CharField(
        label=_("总体情况"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class FindingForm(forms.Form):
    finding = forms.IntegerField(widget=forms.HiddenInput)
    result = forms.ChoiceField(
        label=_("结论"), choices=[(v, label) for v, label in FindingResult.choices if v != FindingResult.PENDING]
    )
    note = forms.CharField(label=_("发现的情况"), max_length=500, required=False)
    requirement = forms.CharField(label=_("整改要求"), max_length=500, required=False)
    deadline = forms.DateField(label=_("整改期限"), widget=DateInput(), required=False)


class RecheckForm(forms.Form):
    on = forms.DateField(label=_("复查日期"), widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(label=_("复查情况"), max_length=500, required=False)

    def __init__(self, *args: Any, items: Iterable[Rectification] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"r_{item.pk}"] = forms.ChoiceField(
                label=f"{item.finding.item}：{item.requirement}",
                choices=[("", _("本次未复查")), ("1", _("已整改")), ("0", _("未整改"))],
                required=False,
            )

    def outcomes(self) -> dict[int, bool]:
        return {
            int(name[2:]): value == "1"
            for name, value in self.cleaned_data.items()
            if name.startswith("r_") and value in ("0", "1")
        }


class ActionForm(forms.Form):
    on = forms.DateField(label=_("日期"), widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(
        label=_("处置情况"), max_length=500, help_text=_("如：约谈企业负责人，督促 5 月底前补发工资")
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("承办人"), queryset=User.objects.none())

    def __init__(self, *args: Any, cadres: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if cadres is not None:
            self.fields["assignee"].queryset = cadres  # type: ignore[attr-defined]
            self.fields["assignee"].label_from_instance = lambda u: u.display_name or u.username  # type: ignore[attr-defined]


class CloseForm(forms.Form):
    note = forms.CharField(label=_("关闭说明"), max_length=500, required=False)


class FilterForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100, required=False)

    def year_or_none(self) -> int | None:
        return self.cleaned_data.get("year") if self.is_valid() else None
