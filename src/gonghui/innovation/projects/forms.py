"""Forms of 五小 calls, projects and their review (workbench and H5)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_fields import MultipleFileField, MultipleFileInput, yuan
from gonghui.common.textnorm import compact
from gonghui.common.widgets import DateInput
from gonghui.innovation.choices import (
    ProjectCategory,
    ProjectStatus,
)
from gonghui.innovation.form_base import OrgCodeMixin, limit_choices
from gonghui.innovation.models import InnovationCall
from gonghui.innovation.projects.calls import DEFAULT_CRITERIA
from gonghui.innovation.projects.selectors import ProjectFilters
from gonghui.innovation.projects.submission import Submission
from gonghui.members.models import Person
from gonghui.orgs.drilldown import SpanForm
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm


class ProjectForm(forms.Form):
    """What a 五小 submission states; the team is one name per line, the first the leader."""

    category = forms.ChoiceField(label=_("类别"), choices=ProjectCategory.choices)
    title = forms.CharField(label=_("项目名称"), max_length=100)
    enterprise = forms.ModelChoiceField(label=_("所在企业"), queryset=Enterprise.objects.none(), required=False)
    problem = forms.CharField(label=_("解决的问题"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    solution = forms.CharField(label=_("创新内容与做法"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    team = forms.CharField(
        label=_("团队成员"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("每行一人，第一行为负责人"),
    )
    benefit_yuan = yuan(_("经济效益（元/年）"), required=False)
    benefit_method = forms.CharField(
        label=_("效益计算方法"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    benefit_evidence = forms.CharField(label=_("效益证明材料"), max_length=200, required=False)
    attachments = MultipleFileField(
        label=_("附件（照片或 PDF，每个不超过 10 MB）"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/*,application/pdf"}),
    )
    pledge = forms.BooleanField(label=_("我承诺申报内容真实、成果为本人（团队）原创"), required=False)

    def __init__(self, *args: Any, enterprises: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if enterprises is not None:  # the cadre's form names the enterprise by code instead
            limit_choices(self, "enterprise", enterprises)

    def submission(self, **extra: Any) -> Submission:
        d = self.cleaned_data
        extra.setdefault("enterprise", d.get("enterprise"))
        return Submission(
            category=d["category"],
            title=d["title"],
            problem=d["problem"],
            solution=d["solution"],
            team=[line for line in d["team"].splitlines() if line.strip()],
            benefit_yuan=d.get("benefit_yuan") or Decimal(0),
            benefit_method=d.get("benefit_method", ""),
            benefit_evidence=d.get("benefit_evidence", ""),
            pledge=d.get("pledge", False),
            **extra,
        )


class CadreProjectForm(OrgCodeMixin, ProjectForm):
    """A cadre names the enterprise by its 统一社会信用代码: the union's list is not known until the code is."""

    call = forms.ModelChoiceField(label=_("申报批次"), queryset=InnovationCall.objects.none())
    enterprise = forms.CharField(  # type: ignore[assignment]
        label=_("所在企业统一社会信用代码"), max_length=18, required=False, help_text=_("可不填；须是申报工会下的企业")
    )


class WorkerProjectForm(ProjectForm):
    """On a phone: the signed-in worker submits as the team's leader; the other members are named below."""

    call = forms.ModelChoiceField(label=_("申报批次"), queryset=InnovationCall.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].label = _("其他团队成员")
        self.fields["team"].required = False
        self.fields["team"].help_text = _("每行一人；您本人是负责人，不必填写")

    def submission(self, *, leader: Person, **extra: Any) -> Submission:  # type: ignore[override]
        submission = super().submission(people={0: leader}, **extra)
        others = [name for name in submission.team if compact(name) != compact(leader.name)]
        submission.team = [leader.name, *others]
        return submission


class CallForm(OrgCodeMixin):
    title = forms.CharField(label=_("名称"), max_length=100)
    year = forms.IntegerField(
        label=_("年度"), min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year
    )
    opens_on = forms.DateField(label=_("开始申报"), widget=DateInput())
    closes_on = forms.DateField(label=_("申报截止"), widget=DateInput())
    criteria = forms.CharField(
        label=_("评分细则"),
        initial=DEFAULT_CRITERIA,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("每行一项：评分项和满分，如“创新性 30”"),
    )
    min_reviewers = forms.IntegerField(label=_("每项目至少评分人数"), min_value=1, max_value=20, initial=3)
    first_prizes = forms.IntegerField(label=_("一等奖名额"), min_value=0, initial=1)
    second_prizes = forms.IntegerField(label=_("二等奖名额"), min_value=0, initial=2)
    third_prizes = forms.IntegerField(label=_("三等奖名额"), min_value=0, initial=3)
    merit_score = forms.DecimalField(label=_("优秀奖最低平均分"), min_value=0, max_value=100, initial=60)
    notice_days = forms.IntegerField(label=_("公示天数"), min_value=1, max_value=30, initial=7)


class PanelSeatForm(forms.Form):
    org = OrgPickerField(label=_("评审单位"), perm=Perm.REVIEW, help_text=_("县级以上总工会"))
    username = forms.CharField(label=_("专家账号"), max_length=150)
    enterprise_uscc = forms.CharField(
        label=_("工作单位统一社会信用代码"), max_length=24, required=False, help_text=_("可不填；评审本单位项目时回避")
    )


class QuotaForm(forms.Form):
    org = OrgPickerField(label=_("推荐单位"), perm=Perm.REVIEW)
    quota = forms.IntegerField(label=_("推荐名额"), min_value=0, required=False, help_text=_("留空为不限"))


class ProjectFilterForm(SpanForm):
    """The project list's filters (the 五小 figures' drill-down): `start`/`end` bound the day a project was
    declared (申报), as the figures count a period; `year` is the call's; `stage` "up" keeps the projects
    recommended beyond their union; the view reads `under`."""

    start = forms.DateField(label=_("申报日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("申报日期到"), required=False, widget=DateInput())
    stage = forms.ChoiceField(required=False, choices=[("", ""), ("up", _("推荐上报"))], widget=forms.HiddenInput)
    call = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    q = forms.CharField(
        label=_("搜索"), required=False, widget=forms.TextInput(attrs={"placeholder": _("项目名称或成员姓名")})
    )
    status = forms.ChoiceField(label=_("状态"), choices=[("", _("全部状态")), *ProjectStatus.choices], required=False)
    category = forms.ChoiceField(
        label=_("类别"), choices=[("", _("全部类别")), *ProjectCategory.choices], required=False
    )
    year = forms.IntegerField(
        label=_("年度"), required=False, widget=forms.NumberInput(attrs={"placeholder": _("年度")})
    )
    under = OrgPickerField(label=_("工会组织"), required=False, help_text="")

    def filters(self, under: OrgNode | None) -> ProjectFilters:
        d = self.cleaned_data
        start, end = self.span()
        return ProjectFilters(
            under=under, year=d["year"], start=start, end=end, call_id=d["call"], recommended=d["stage"] == "up"
        )


class RecommendForm(forms.Form):
    recommend = forms.BooleanField(required=False)
    note = forms.CharField(label=_("意见"), max_length=500, required=False)


class ObjectionForm(forms.Form):
    text = forms.CharField(label=_("异议内容"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
    contact_name = forms.CharField(label=_("联系人（可不填）"), max_length=50, required=False)
    contact_phone = forms.CharField(label=_("联系电话（可不填）"), max_length=20, required=False)


class ResolveForm(forms.Form):
    upheld = forms.BooleanField(label=_("异议成立（撤销奖项）"), required=False)
    resolution = forms.CharField(label=_("处理意见"), max_length=500)
