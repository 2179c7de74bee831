from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.common.widgets import DateInput
from gonghui.members.choices import Education, EmploymentForm, Hukou, IdType, MembershipStatus, Political, Sex
from gonghui.members.identity import Applicant
from gonghui.members.models import SkillLevel
from gonghui.members.selectors import LEFT_OR_DECEASED, NEW_FORMS
from gonghui.orgs.drilldown import SpanForm, flag
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm


class JoinForm(forms.Form):
    """The H5 self-join form behind a union's QR code."""

    name = forms.CharField(label=_("姓名"), max_length=30)
    id_type = forms.ChoiceField(label=_("证件类型"), choices=IdType.choices, initial=IdType.RESIDENT)
    id_number = forms.CharField(
        label=_("证件号码"), max_length=30, widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text"})
    )
    mobile = forms.CharField(label=_("手机号码"), max_length=20, widget=forms.TextInput(attrs={"inputmode": "tel"}))
    employment_form = forms.ChoiceField(
        label=_("用工形式"), choices=[("", _("请选择")), *EmploymentForm.choices], required=False
    )
    employer_name = forms.CharField(label=_("工作单位或平台"), max_length=200, required=False)
    occupation = forms.CharField(label=_("工种/岗位"), max_length=50, required=False)
    village = forms.CharField(label=_("居住的村/社区"), max_length=100, required=False)
    consent = forms.BooleanField(label=_("我已阅读并同意《个人信息处理说明》"), required=False)

    def applicant(self) -> Applicant:
        d = self.cleaned_data
        return Applicant(
            name=d["name"],
            id_type=d["id_type"],
            id_number=d["id_number"],
            mobile=d["mobile"],
            employment_form=d["employment_form"],
            employer_name=d["employer_name"],
            platform="",
            occupation=d["occupation"],
            village=d["village"],
            consent=d["consent"],
        )


class ProgressForm(forms.Form):
    id_number = forms.CharField(label=_("证件号码"), max_length=30)
    mobile = forms.CharField(label=_("手机号码"), max_length=20)


class MemberFilterForm(SpanForm):
    """The roster's filters; also the 会员 figures' drill-down: `start`/`end` bound the day `dated` names (入会日期
    by default, or the day a membership ended), and the hidden `join`, `on_roll`, `sex`, `migrant` narrow to what
    each figure counts (members.selectors.MemberFilters)."""

    start = forms.DateField(label=_("入会日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("入会日期到"), required=False, widget=DateInput())
    q = forms.CharField(label=_("搜索"), required=False, max_length=100)
    qk = forms.CharField(required=False, max_length=80, widget=forms.HiddenInput)  # members.selectors.search_key
    org = OrgPickerField(label=_("工会组织"), required=False, help_text="")
    status = forms.ChoiceField(
        label=_("状态"),
        choices=[("", _("全部状态")), *MembershipStatus.choices, (LEFT_OR_DECEASED, _("已退会或已故"))],
        required=False,
    )
    employment_form = forms.ChoiceField(
        label=_("用工形式"),
        choices=[("", _("全部用工形式")), *EmploymentForm.choices, (NEW_FORMS, _("新就业形态（全部）"))],
        required=False,
    )
    occupation = forms.CharField(label=_("工种"), required=False)
    village = forms.CharField(label=_("村/社区"), required=False)
    # The roster's earlier date filter, kept for bookmarks: the 入会日期 within these.
    joined_from = forms.DateField(required=False, widget=forms.HiddenInput)
    joined_to = forms.DateField(required=False, widget=forms.HiddenInput)
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)  # a figure's drill-down
    dated = forms.ChoiceField(
        required=False, choices=[("joined", _("入会日期")), ("ended", _("离会日期"))], widget=forms.HiddenInput
    )
    join = forms.ChoiceField(
        required=False,
        choices=[("", ""), ("new", _("新入会（不含转会转入）")), ("transfer", _("转会转入"))],
        widget=forms.HiddenInput,
    )
    on_roll = forms.DateField(required=False, widget=forms.HiddenInput)  # on the roll at the end of that day
    sex = forms.ChoiceField(required=False, choices=[("", ""), *Sex.choices], widget=forms.HiddenInput)
    migrant = forms.CharField(required=False, max_length=5, widget=forms.HiddenInput)  # "1": 农民工

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if (self.data or {}).get("dated") == "ended":  # the bounds say which day they bound
            self.fields["start"].label = _("离会日期从")
            self.fields["end"].label = _("离会日期到")

    def drilldown(self) -> dict[str, Any]:
        """MemberFilters' keywords for what a figure's link narrows to (the form is valid)."""
        d = self.cleaned_data
        start, end = self.span()
        return {
            "start": start,
            "end": end,
            "dated": d["dated"] or "joined",
            "join": d["join"],
            "on_roll": d["on_roll"],
            "sex": d["sex"],
            "migrant": flag(d["migrant"]),
        }

    def narrowing(self) -> list[str]:
        """What the hidden drill-down narrows to, in words, for the line above the roster."""
        if not self.is_valid():
            return []
        d = self.cleaned_data
        out = [str(dict(self.fields["join"].choices)[d["join"]])] if d["join"] else []  # type: ignore[attr-defined]
        if d["on_roll"]:
            out.append(_("%(day)s在册") % {"day": d["on_roll"].isoformat()})
        if d["sex"]:
            out.append(_("性别：%(sex)s") % {"sex": Sex(d["sex"]).label})
        if flag(d["migrant"]):
            out.append(str(_("农民工")))
        return out


class DecisionForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=[], required=True)
    decision = forms.ChoiceField(choices=[("approve", _("通过")), ("reject", _("不通过"))])
    reason = forms.CharField(max_length=200, required=False)


class JoinTargetForm(forms.Form):
    org = OrgPickerField(label=_("工会组织"), perm=Perm.ORG_EDIT)
    name = forms.CharField(label=_("名称"), max_length=100, help_text=_("如：大丰区货车司机入会行动"))
    code = forms.SlugField(label=_("编码"), max_length=32, help_text=_("用于入会链接和二维码，如 df-huoche-2024"))
    employment_form = forms.ChoiceField(
        label=_("对象"), choices=[("", _("全部职工")), *EmploymentForm.choices], required=False
    )
    platform = forms.CharField(label=_("平台"), max_length=50, required=False, help_text=_("如：运满满"))
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    target = forms.IntegerField(label=_("目标人数"), min_value=1)
    starts_on = forms.DateField(label=_("开始日期"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=_("结束日期"), required=False, widget=DateInput())


class ImportForm(forms.Form):
    org = OrgPickerField(label=_("导入到工会"), perm=Perm.ORG_EDIT)
    file = forms.FileField(label=_("名册文件"), help_text=_("xlsx、xls 或 csv；表头可在标题行下面，常见列名都能识别。"))
    mode = forms.ChoiceField(
        label=_("有错误行时"),
        choices=[("all", _("整表不导入（先改好再导）")), ("valid", _("只导入正确的行"))],
        initial="all",
        widget=forms.RadioSelect,
    )


def _ethnic_choices() -> list[tuple[str, str]]:
    from gonghui.common.ethnic_groups import ethnic_groups

    return [("", "—"), *((g, g) for g in ethnic_groups())]


class MemberEditForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=30)
    ethnicity = forms.ChoiceField(label=_("民族"), choices=_ethnic_choices, required=False)
    mobile = forms.CharField(label=_("手机号码"), max_length=20, required=False, help_text=_("留空则不修改。"))
    hukou = forms.ChoiceField(label=_("户籍类型"), choices=[("", "—"), *Hukou.choices], required=False)
    is_migrant_worker = forms.BooleanField(label=_("农民工"), required=False)
    education = forms.ChoiceField(label=_("学历"), choices=[("", "—"), *Education.choices], required=False)
    political = forms.ChoiceField(label=_("政治面貌"), choices=[("", "—"), *Political.choices], required=False)
    address = forms.CharField(label=_("现住址"), max_length=200, required=False)
    village = forms.CharField(label=_("村/社区"), max_length=100, required=False)
    emergency_name = forms.CharField(label=_("紧急联系人"), max_length=50, required=False)
    emergency_phone = forms.CharField(
        label=_("紧急联系电话"), max_length=20, required=False, help_text=_("留空则不修改。")
    )
    employer_name = forms.CharField(label=_("工作单位/平台名称"), max_length=200, required=False)
    occupation = forms.CharField(label=_("工种/岗位"), max_length=50, required=False)
    skill_level = forms.ChoiceField(label=_("技能等级"), choices=SkillLevel.choices, required=False)
    employment_form = forms.ChoiceField(
        label=_("用工形式"), choices=[("", "—"), *EmploymentForm.choices], required=False
    )
    platform = forms.CharField(label=_("平台"), max_length=50, required=False)
    union_posts = forms.CharField(label=_("工会职务"), max_length=100, required=False)
    card_no = forms.CharField(label=_("会员卡号"), max_length=30, required=False)

    def changed_values(self) -> dict[str, object]:
        """Everything on the form, except sealed numbers left blank (blank keeps the stored number)."""
        values = dict(self.cleaned_data)
        for key in ("mobile", "emergency_phone"):
            if not values.get(key):
                values.pop(key, None)
        return values


class NoticeForm(forms.Form):
    org = OrgPickerField(label=_("发布工会"), perm=Perm.ORG_EDIT, help_text=_("本会及下级工会的会员都能看到"))
    title = forms.CharField(label=_("标题"), max_length=100)
    body = forms.CharField(label=_("内容"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))
