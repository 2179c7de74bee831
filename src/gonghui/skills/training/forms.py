"""Forms of 职工培训 (workbench)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.common.widgets import DateInput, DateTimeInput
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.skills.certification.models import Occupation
from gonghui.skills.training import selectors
from gonghui.skills.training.choices import DEFAULT_COMPLETION_PERCENT, BaseKind, ClassStatus
from gonghui.skills.training.classes import SessionFields
from gonghui.skills.training.models import Course, TrainingBase
from gonghui.stations.models import Station
from gonghui.stations.selectors import stations_for

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


class BaseForm(forms.Form):
    org = OrgPickerField(label=_("所属工会"), perm=Perm.ORG_EDIT)
    kind = forms.ChoiceField(label=_("类型"), choices=BaseKind.choices)
    name = forms.CharField(label=_("名称"), max_length=100, help_text=_("如：新光工业园区技能提升培训基地"))
    station = forms.ModelChoiceField(label=_("服务阵地"), queryset=Station.objects.none(), required=False)
    enterprise_uscc = forms.CharField(
        label=_("依托企业统一社会信用代码"), max_length=18, required=False, help_text=_("不在服务阵地时填写")
    )
    address = forms.CharField(label=_("地址"), max_length=200, required=False, help_text=_("留空则用阵地或企业地址"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = stations_for(user, active=True)  # type: ignore[attr-defined]


class CourseForm(forms.Form):
    org = OrgPickerField(label=_("开设工会"), perm=Perm.ORG_EDIT)
    title = forms.CharField(label=_("课程名称"), max_length=100)
    occupation = forms.ModelChoiceField(label=_("职业（工种）"), queryset=Occupation.objects.all(), required=False)
    hours = forms.DecimalField(label=_("课程学时"), min_value=0, max_digits=5, decimal_places=1)
    outline = forms.CharField(
        label=_("课程大纲"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class ClassForm(forms.Form):
    org = OrgPickerField(label=_("主办工会"), perm=Perm.ORG_EDIT)
    course = forms.ModelChoiceField(label=_("课程"), queryset=Course.objects.none())
    base = forms.ModelChoiceField(label=_("培训基地"), queryset=TrainingBase.objects.none())
    title = forms.CharField(
        label=_("培训班名称"), max_length=80, help_text=_("如：2026年柳市镇电工技能提升培训班（第1期）")
    )
    starts_on = forms.DateField(label=_("开班日期"), widget=DateInput())
    ends_on = forms.DateField(label=_("结业日期"), widget=DateInput())
    capacity = forms.IntegerField(label=_("招收人数"), min_value=1, max_value=10_000)
    completion_percent = forms.IntegerField(
        label=_("结业要求（学时%）"),
        min_value=1,
        max_value=100,
        initial=DEFAULT_COMPLETION_PERCENT,
        help_text=_("参训学时达到全部课时的这一比例即可结业"),
    )
    members_only = forms.BooleanField(label=_("仅限会员"), required=False, initial=True)
    audience_org = OrgPickerField(label=_("面向工会"), required=False, help_text=_("留空则面向主办工会所属会员"))
    description = forms.CharField(
        label=_("培训班介绍"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = selectors.courses_usable_by(user)  # type: ignore[attr-defined]
        self.fields["base"].queryset = selectors.bases_usable_by(user)  # type: ignore[attr-defined]


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("上课时间"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS)
    ends_at = forms.DateTimeField(label=_("下课时间"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS)
    hours = forms.DecimalField(label=_("学时"), min_value=0, max_digits=4, decimal_places=1)
    teacher = forms.CharField(label=_("授课老师"), max_length=50)
    topic = forms.CharField(label=_("授课内容"), max_length=100)

    def session_fields(self) -> SessionFields:
        d = self.cleaned_data
        return SessionFields(
            starts_at=d["starts_at"], ends_at=d["ends_at"], hours=d["hours"], teacher=d["teacher"], topic=d["topic"]
        )


class EnrolForm(forms.Form):
    id_number = forms.CharField(label=_("会员身份证号码"), max_length=30)


class ClassFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=30, widget=forms.TextInput(attrs={"placeholder": _("培训班名称")}))
    status = forms.ChoiceField(required=False, choices=[("", _("全部状态")), *ClassStatus.choices])
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2100, widget=forms.NumberInput(attrs={"placeholder": _("年度")})
    )
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)


class YearForm(forms.Form):
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
