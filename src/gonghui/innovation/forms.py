"""Forms of the 建功立业 module (workbench and H5)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_fields import MultipleFileField, MultipleFileInput, yuan
from gonghui.common.textnorm import compact
from gonghui.common.widgets import DateInput
from gonghui.innovation.calls import DEFAULT_CRITERIA
from gonghui.innovation.choices import (
    AchievementKind,
    NomineeKind,
    ProjectCategory,
    ProjectStatus,
    ProposalStatus,
    RoundKind,
    StudioKind,
    StudioLevel,
)
from gonghui.innovation.models import HonorTitle, InnovationCall
from gonghui.innovation.projects import Submission
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm


def _limit(form: forms.Form, name: str, queryset: Any) -> None:
    """Offer only `queryset` (e.g. the union's own enterprises) in a model choice field."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - a programming error, not input
    field.queryset = queryset if queryset is not None else Enterprise.objects.none()


class OrgCodeMixin(forms.Form):
    org = OrgPickerField(label=_("工会组织"))


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
            _limit(self, "enterprise", enterprises)

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


class StarRuleForm(forms.Form):
    """Points per unit of each kind of achievement, the caps, the assessment's weight, the star thresholds."""

    org = OrgPickerField(label=_("制定单位"), perm=Perm.REVIEW)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    assessment_weight = forms.DecimalField(
        label=_("评审评价权重"), min_value=0, max_value=1, decimal_places=2, initial="0.30"
    )
    thresholds = forms.CharField(label=_("一至五星最低分"), initial="50, 60, 70, 80, 90")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in AchievementKind.choices:
            self.fields[f"points_{kind}"] = forms.DecimalField(
                label=_("%(kind)s每项得分") % {"kind": label}, min_value=0, required=False
            )
            self.fields[f"cap_{kind}"] = forms.DecimalField(
                label=_("%(kind)s得分上限") % {"kind": label}, min_value=0, required=False
            )

    def rule(self) -> dict[str, Any]:
        d = self.cleaned_data
        points = {k: str(d[f"points_{k}"]) for k in AchievementKind.values if d.get(f"points_{k}") is not None}
        caps = {k: str(d[f"cap_{k}"]) for k in AchievementKind.values if d.get(f"cap_{k}") is not None}
        thresholds = [t.strip() for t in d["thresholds"].replace("，", ",").split(",") if t.strip()]
        return {"points": points, "caps": caps, "thresholds": thresholds, "assessment_weight": d["assessment_weight"]}


class ProjectFilterForm(forms.Form):
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


class ProposalForm(OrgCodeMixin):
    enterprise = forms.ModelChoiceField(label=_("企业"), queryset=Enterprise.objects.none())
    proposer_name = forms.CharField(label=_("建议人"), max_length=50)
    title = forms.CharField(label=_("建议名称"), max_length=100)
    content = forms.CharField(label=_("建议内容"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    expected_effect = forms.CharField(
        label=_("预期效果"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, enterprises: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "enterprise", enterprises)


class ProposalDecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("route", ""), ("adopt", ""), ("decline", ""), ("implement", "")])
    reason = forms.CharField(label=_("处理意见"), max_length=500, required=False)
    implemented_on = forms.DateField(label=_("实施日期"), required=False, widget=DateInput())
    value_saved = yuan(_("创效/节约（元）"), required=False)
    evidence = forms.CharField(label=_("效益依据"), max_length=200, required=False)


class ProposalFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), choices=[("", _("全部状态")), *ProposalStatus.choices], required=False)
    year = forms.IntegerField(label=_("年度"), required=False)
    under = OrgPickerField(label=_("工会组织"), required=False, help_text="")


class StudioForm(OrgCodeMixin):
    name = forms.CharField(label=_("工作室名称"), max_length=100)
    kind = forms.ChoiceField(label=_("类型"), choices=StudioKind.choices)
    level = forms.ChoiceField(label=_("命名级别"), choices=StudioLevel.choices)
    leader_id_number = forms.CharField(
        label=_("领衔人身份证号码"), max_length=30, help_text=_("领衔人须已在会员名册中")
    )
    leader_title = forms.CharField(label=_("领衔人荣誉"), max_length=100, required=False)
    field = forms.CharField(label=_("专业领域"), max_length=100)
    named_on = forms.DateField(label=_("命名日期"), required=False, widget=DateInput())


class AchievementForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=AchievementKind.choices)
    title = forms.CharField(label=_("成果"), max_length=200)
    achieved_on = forms.DateField(label=_("取得日期"), widget=DateInput())
    quantity = forms.IntegerField(label=_("数量"), min_value=1, initial=1)
    value_yuan = yuan(_("创效（元）"), required=False)
    evidence = forms.CharField(label=_("证明材料"), max_length=200, required=False)


class RateForm(forms.Form):
    year = forms.IntegerField(label=_("评定年度"), min_value=2000, max_value=2100)
    assessment = forms.DecimalField(label=_("评审评价（百分制）"), min_value=0, max_value=100, decimal_places=2)


class RoundForm(OrgCodeMixin):
    kind = forms.ChoiceField(label=_("类型"), choices=RoundKind.choices)
    title = forms.ModelChoiceField(label=_("荣誉称号"), queryset=HonorTitle.objects.all(), required=False)
    name = forms.CharField(label=_("名称"), max_length=100)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    quota = forms.IntegerField(label=_("名额"), min_value=1, required=False, help_text=_("全员创新企业默认 10 家"))
    notice_days = forms.IntegerField(label=_("公示天数"), min_value=1, max_value=30, initial=7)


class NominationForm(forms.Form):
    nominated_by = OrgPickerField(label=_("推荐单位"), perm=Perm.ORG_EDIT)
    kind = forms.ChoiceField(label=_("对象类型"), choices=NomineeKind.choices)
    id_number = forms.CharField(label=_("个人：身份证号码"), max_length=30, required=False)
    team_name = forms.CharField(label=_("集体：名称"), max_length=100, required=False)
    enterprise = forms.ModelChoiceField(label=_("单位"), queryset=Enterprise.objects.none(), required=False)
    is_front_line = forms.BooleanField(label=_("一线职工"), required=False)
    deeds = forms.CharField(
        label=_("主要事迹"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    scores = forms.JSONField(label=_("指标得分"), required=False, help_text=_('如 {"system": 25, "results": 60}'))

    def __init__(self, *args: Any, enterprises: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "enterprise", enterprises)
