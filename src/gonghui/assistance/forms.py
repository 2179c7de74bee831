"""Forms of the hardship files and the aid ledger (workbench and H5)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.choices import Category, Cause, FileStatus, Health, Housing
from gonghui.assistance.services import STEP_KINDS, Household
from gonghui.common.form_fields import yuan
from gonghui.common.widgets import DateInput
from gonghui.orgs.drilldown import SpanForm
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm


class HouseholdForm(forms.Form):
    """What a household states: income, family size, causes, and the form's main circumstances."""

    family_size = forms.IntegerField(label=_("家庭人口"), min_value=1, max_value=30, initial=1)
    own_income = yuan(_("本人月收入（元）"))
    other_income = yuan(_("其他家庭成员月收入（元）"), required=False)
    essential_costs = yuan(_("每月刚性支出（元）"), required=False, help_text=_("如医疗、子女就学等必需费用"))
    main_cause = forms.ChoiceField(label=_("主要致困原因"), choices=Cause.choices)
    other_causes = forms.MultipleChoiceField(
        label=_("次要致困原因"), choices=Cause.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    health = forms.ChoiceField(label=_("健康状况"), choices=[("", "—"), *Health.choices], required=False)
    housing = forms.ChoiceField(label=_("住房情况"), choices=[("", "—"), *Housing.choices], required=False)

    def household(self) -> Household:
        d = self.cleaned_data
        details = {key: d[key] for key in ("health", "housing") if d.get(key)}
        return Household(
            own_income=d["own_income"],
            other_income=d.get("other_income") or Decimal(0),
            essential_costs=d.get("essential_costs") or Decimal(0),
            family_size=d["family_size"],
            main_cause=d["main_cause"],
            other_causes=[c for c in d.get("other_causes", []) if c != d["main_cause"]],
            details=details,
        )


class AidApplyForm(HouseholdForm):
    """The worker's own application on a phone (H5), reached from the union's page or QR code."""

    migrant = forms.BooleanField(label=_("我是农民工，尚未加入工会"), required=False)
    consent = forms.BooleanField(label=_("我承诺所填情况属实，同意工会入户核实并在单位内公示"), required=False)

    field_order = ["migrant", "family_size", "own_income", "other_income"]


class CadreApplyForm(HouseholdForm):
    """A cadre opens an application for a member (or a migrant worker already on record) by ID number."""

    org = OrgPickerField(label=_("建档工会"), perm=Perm.ASSISTANCE)
    id_number = forms.CharField(label=_("户主身份证号码"), max_length=30)

    field_order = ["org", "id_number"]


class FileFilterForm(SpanForm):
    """The file list's filters; `start`/`end` bound the day an application was registered (the figures'
    建档申请), or the day a file was opened or closed or visited (`dated`); `on_file`, the households on file at
    the end of a day; `under` (read by the view) narrows to a union's subtree."""

    start = forms.DateField(label=_("登记日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("登记日期到"), required=False, widget=DateInput())
    # Which day start/end bound (the figures' drill-downs of files opened or closed in a period), carried hidden.
    dated = forms.ChoiceField(
        required=False,
        choices=[
            ("applied", _("登记日期")),
            ("opened", _("建档日期")),
            ("closed", _("解困日期")),
            ("visited", _("走访日期")),
        ],
        widget=forms.HiddenInput,
    )
    on_file = forms.DateField(required=False, widget=forms.HiddenInput)  # on file at the end of that day (在档)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        day = dict(self.fields["dated"].choices).get(self.data.get("dated"))  # type: ignore[attr-defined]
        if day:  # the bounds say which day they bound
            self.fields["start"].label = _("%(day)s从") % {"day": day}
            self.fields["end"].label = _("%(day)s到") % {"day": day}

    q = forms.CharField(label=_("户主姓名或拼音"), required=False)
    status = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[
            ("", _("全部状态")),
            *FileStatus.choices,
            ("recheck_due", _("待年度复核")),
            ("fell_back", _("返困")),
        ],
    )
    category = forms.ChoiceField(label=_("困难类别"), required=False, choices=[("", _("全部类别")), *Category.choices])


class StepForm(forms.Form):
    """One workflow step from the file page; which fields matter depends on `kind`."""

    kind = forms.ChoiceField(choices=[(k, k) for k in STEP_KINDS])
    note = forms.CharField(label=_("说明"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    visited_on = forms.DateField(label=_("走访日期"), required=False, widget=DateInput())
    visitors = forms.CharField(label=_("走访人员"), required=False, max_length=200)
    photo = forms.FileField(label=_("走访照片"), required=False)
    ends_on = forms.DateField(label=_("公示截止日期"), required=False, widget=DateInput())
    plan = forms.CharField(
        label=_("帮扶计划"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class OverrideForm(forms.Form):
    category = forms.ChoiceField(label=_("困难类别"), choices=Category.choices)
    reason = forms.CharField(label=_("调整理由"), max_length=500)


class MedicalAnnexForm(forms.Form):
    patient = forms.CharField(label=_("患者"), max_length=50)
    diagnosis = forms.CharField(label=_("诊断"), max_length=200)
    hospital = forms.CharField(label=_("医院"), max_length=100)
    admitted_on = forms.DateField(label=_("入院日期"), required=False, widget=DateInput())
    days = forms.IntegerField(label=_("住院天数"), min_value=0, max_value=3650, initial=0)
    total_cost = yuan(_("医疗总费用"))
    insurance_paid = yuan(_("医保报销"))


class StudyAnnexForm(forms.Form):
    student = forms.CharField(label=_("学生姓名"), max_length=50)
    school = forms.CharField(label=_("学校"), max_length=100)
    grade = forms.CharField(label=_("年级"), max_length=30)
    yearly_fees = yuan(_("每年学杂费"))
