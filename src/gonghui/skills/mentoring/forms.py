"""Forms of 名师带徒 (workbench and the worker's phone)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_fields import yuan
from gonghui.common.widgets import DateInput
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.skills.certification.occupations import occupation_choices
from gonghui.skills.mentoring.choices import EvaluationSide, EvaluationStage, MentorKind, PairMode, PairStatus


class PairFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=30, widget=forms.TextInput(attrs={"placeholder": _("师傅或徒弟")}))
    status = forms.ChoiceField(required=False, choices=[("", _("全部状态")), *PairStatus.choices])
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2100, widget=forms.NumberInput(attrs={"placeholder": _("年度")})
    )
    closed = forms.IntegerField(required=False, min_value=2000, max_value=2100, widget=forms.HiddenInput)
    promoted = forms.BooleanField(required=False, widget=forms.HiddenInput)
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)


class MentorForm(forms.Form):
    org = OrgPickerField(label=_("登记工会"), perm=Perm.ORG_EDIT)
    id_number = forms.CharField(label=_("师傅身份证号"), max_length=30, help_text=_("须为本会或下级工会的在册会员"))
    kind = forms.ChoiceField(
        label=_("类别"), choices=[("", _("按所获荣誉（无荣誉须选择）")), *MentorKind.choices], required=False
    )
    title = forms.CharField(label=_("称号/职称"), max_length=100, required=False, help_text=_("留空则用所获荣誉"))
    max_apprentices = forms.IntegerField(label=_("同时带徒上限"), min_value=1, max_value=20, initial=3)


class PairForm(forms.Form):
    org = OrgPickerField(label=_("所属工会"), perm=Perm.ORG_EDIT)
    mentor = forms.TypedChoiceField(label=_("师傅"), coerce=int)
    id_number = forms.CharField(label=_("徒弟身份证号"), max_length=30, help_text=_("须为该工会及下级工会的在册会员"))
    occupation = forms.ChoiceField(label=_("职业（工种）"), required=False)
    mode = forms.ChoiceField(label=_("带徒方式"), choices=PairMode.choices)
    school = forms.CharField(label=_("合作院校"), max_length=100, required=False, help_text=_("企校双师带徒必填"))
    school_mentor = forms.CharField(label=_("校内导师"), max_length=50, required=False)
    starts_on = forms.DateField(label=_("协议开始"), widget=DateInput())
    ends_on = forms.DateField(label=_("协议结束"), widget=DateInput())
    goals = forms.CharField(label=_("带徒目标"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
    stipend = yuan(_("带徒津贴（元/月）"), required=False, help_text=_("没有津贴可不填"))

    def __init__(self, *args: Any, mentors: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mentor"].choices = [  # type: ignore[attr-defined]
            (m.pk, f"{m.person.name}（{m.get_kind_display()} · {m.active_count}/{m.max_apprentices}）") for m in mentors
        ]
        self.fields["occupation"].choices = [("", _("不限")), *occupation_choices()]  # type: ignore[attr-defined]
        self.fields["starts_on"].initial = timezone.localdate()


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("节点"), max_length=100)
    due_on = forms.DateField(label=_("计划完成"), widget=DateInput())


class MilestoneDoneForm(forms.Form):
    milestone = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    done_on = forms.DateField(label=_("完成日期"), widget=DateInput())
    note = forms.CharField(label=_("完成情况"), max_length=300, required=False)


class EvaluationForm(forms.Form):
    direction = forms.ChoiceField(label=_("评价方向"), choices=EvaluationSide.choices)
    stage = forms.ChoiceField(label=_("阶段"), choices=EvaluationStage.choices)
    score = forms.IntegerField(label=_("评分（0-100）"), min_value=0, max_value=100)
    remarks = forms.CharField(label=_("评语"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("结果"), choices=[("completed", _("出师")), ("ended", _("提前解除"))])
    closed_on = forms.DateField(label=_("日期"), widget=DateInput())
    note = forms.CharField(label=_("出师评语/解除原因"), max_length=500, required=False)
    competition_results = forms.CharField(
        label=_("竞赛成绩"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ResultsForm(forms.Form):
    competition_results = forms.CharField(
        label=_("竞赛成绩"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("如：2026年商洛市数控车工技能竞赛 三等奖"),
    )
