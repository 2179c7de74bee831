"""Workbench forms of 技能等级认定."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_fields import yuan
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.skills.certification.choices import CertifiedLevel
from gonghui.skills.certification.occupations import occupation_choices

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LEVELS = list(reversed(CertifiedLevel.choices))  # 五级 first, as the ladder is climbed


def _mark(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, min_value=Decimal(0), max_value=Decimal(100), max_digits=4, decimal_places=1, initial=60
    )


class OccupationField(forms.ChoiceField):
    """An occupation by its 大典 code: those on record and the common ones."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(label=_("职业（工种）"), choices=occupation_choices, **kwargs)


class PilotForm(forms.Form):
    org = OrgPickerField(label=_("确定试点的工会"), perm=Perm.ORG_EDIT, help_text=_("企业所属基层工会的上级工会"))
    enterprise_uscc = forms.CharField(label=_("企业统一社会信用代码"), max_length=30)
    designated_on = forms.DateField(label=_("确定试点日期"), widget=DATE)


class LicenceForm(forms.Form):
    occupation = OccupationField()
    lowest = forms.ChoiceField(label=_("最低等级"), choices=LEVELS, initial="5")
    highest = forms.ChoiceField(label=_("最高等级"), choices=LEVELS, initial="3")
    valid_from = forms.DateField(label=_("有效期起"), widget=DATE)
    valid_until = forms.DateField(label=_("有效期至"), widget=DATE)
    authority = forms.CharField(label=_("备案机关"), max_length=100, initial=_("乐清市人力资源和社会保障局"))
    reference = forms.CharField(label=_("备案文号"), max_length=60, required=False)


class PayGradeForm(forms.Form):
    level = forms.ChoiceField(label=_("技能等级"), choices=LEVELS)
    grade = forms.CharField(label=_("薪酬等级"), max_length=30, help_text=_("如：技能三档"))
    allowance = yuan(_("每月技能津贴（元）"))


class BatchForm(forms.Form):
    pilot = forms.TypedChoiceField(label=_("试点企业"), coerce=int)
    name = forms.CharField(label=_("批次名称"), max_length=100, help_text=_("如：2026年第一批电工认定"))
    occupation = OccupationField()
    levels = forms.MultipleChoiceField(label=_("认定等级"), choices=LEVELS, widget=forms.CheckboxSelectMultiple)
    starts_on = forms.DateField(label=_("考核开始"), widget=DATE)
    ends_on = forms.DateField(label=_("考核结束（发证日期）"), widget=DATE)
    assessors = forms.CharField(label=_("考评员"), max_length=200, help_text=_("姓名，用顿号分隔"))
    theory_pass = _mark(_("理论合格分"))
    practical_pass = _mark(_("实操合格分"))

    def __init__(self, *args: Any, pilots: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pilot"].choices = [(p.pk, p.enterprise.name) for p in pilots]  # type: ignore[attr-defined]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("成绩表"),
        help_text=_("xlsx、xls 或 csv；列：姓名、身份证号、理论成绩、实操成绩，可加申报等级、证书编号"),
    )


class EntryForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=50)
    id_number = forms.CharField(label=_("身份证号"), max_length=30)
    level = forms.ChoiceField(label=_("申报等级"), choices=[("", _("本批次唯一等级")), *LEVELS], required=False)
    theory = forms.DecimalField(label=_("理论成绩"), max_digits=5, decimal_places=1)
    practical = forms.DecimalField(label=_("实操成绩"), max_digits=5, decimal_places=1)
    certificate_number = forms.CharField(label=_("证书编号"), max_length=40, required=False)


class ResultsFilterForm(forms.Form):
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    level = forms.ChoiceField(required=False, choices=[("", _("全部等级")), *LEVELS])
    occupation = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    promoted = forms.BooleanField(required=False, label=_("只看晋升薪酬等级的"))
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
