"""Forms of 劳动和技能竞赛 (workbench, the judge's phone and the public notice)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.innovation.models import HonorTitle
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.skills.certification.choices import CertifiedLevel
from gonghui.skills.certification.models import Occupation
from gonghui.skills.competitions.choices import AdvanceRule, CompetitionKind, CompetitionStatus, EntryMode
from gonghui.skills.competitions.models import SheetItem
from gonghui.skills.competitions.services import CompetitionFields

LEVELS = [("", "—"), *CertifiedLevel.choices]


class CompetitionForm(forms.Form):
    org = OrgPickerField(label=_("主办工会"), perm=Perm.ORG_EDIT)
    title = forms.CharField(label=_("竞赛名称"), max_length=100)
    kind = forms.ChoiceField(label=_("竞赛类型"), choices=CompetitionKind.choices)
    chain = forms.CharField(label=_("产业链"), max_length=50, required=False)
    occupation = forms.ModelChoiceField(label=_("职业（工种）"), queryset=Occupation.objects.all(), required=False)
    project = forms.CharField(label=_("项目建设"), max_length=100, required=False)
    starts_at = forms.DateTimeField(label=_("开始时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    ends_at = forms.DateTimeField(label=_("结束时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    venue = forms.CharField(label=_("比赛地点"), max_length=200)
    entry_mode = forms.ChoiceField(label=_("参赛形式"), choices=EntryMode.choices)
    team_size_min = forms.IntegerField(label=_("每队最少人数"), min_value=0, initial=0, required=False)
    team_size_max = forms.IntegerField(label=_("每队最多人数"), min_value=0, initial=0, required=False)
    places = forms.IntegerField(label=_("参赛总名额"), min_value=1, initial=500)
    quota_per_union = forms.IntegerField(label=_("每个基层工会名额"), min_value=1, required=False)
    trade_only = forms.BooleanField(label=_("仅限本工种职工"), required=False)
    min_age = forms.IntegerField(label=_("最小年龄"), min_value=16, max_value=70, required=False)
    max_age = forms.IntegerField(label=_("最大年龄"), min_value=16, max_value=70, required=False)
    min_level = forms.ChoiceField(label=_("最低技能等级"), choices=LEVELS, required=False)
    max_level = forms.ChoiceField(label=_("最高技能等级"), choices=LEVELS, required=False)
    first_prizes = forms.IntegerField(label=_("一等奖名额"), min_value=0, initial=1)
    second_prizes = forms.IntegerField(label=_("二等奖名额"), min_value=0, initial=2)
    third_prizes = forms.IntegerField(label=_("三等奖名额"), min_value=0, initial=3)
    honor = forms.ModelChoiceField(label=_("授予称号"), queryset=HonorTitle.objects.all(), required=False)
    title_places = forms.IntegerField(label=_("授予称号名额"), min_value=0, initial=0, required=False)
    notice_days = forms.IntegerField(label=_("公示天数"), min_value=1, max_value=30, initial=5)

    def fields_in(self) -> CompetitionFields:
        d = self.cleaned_data
        return CompetitionFields(
            title=d["title"], kind=d["kind"], starts_at=d["starts_at"], ends_at=d["ends_at"], venue=d["venue"],
            entry_mode=d["entry_mode"], places=d["places"], chain=d["chain"], occupation=d["occupation"],
            project=d["project"], team_size_min=d["team_size_min"] or 0, team_size_max=d["team_size_max"] or 0,
            quota_per_union=d["quota_per_union"], trade_only=d["trade_only"], min_age=d["min_age"],
            max_age=d["max_age"], min_level=d["min_level"], max_level=d["max_level"],
            first_prizes=d["first_prizes"], second_prizes=d["second_prizes"], third_prizes=d["third_prizes"],
            honor=d["honor"], title_places=d["title_places"] or 0, notice_days=d["notice_days"],
        )  # fmt: skip


class FilterForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=1949, max_value=2100, required=False)
    kind = forms.ChoiceField(
        label=_("竞赛类型"), choices=[("", _("全部类型")), *CompetitionKind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("状态"), choices=[("", _("全部状态")), *CompetitionStatus.choices], required=False
    )


def year_of(query: QueryDict) -> int:
    raw = query.get("year", "")
    return int(raw) if raw.isdigit() and 1949 <= int(raw) <= 2100 else timezone.localdate().year


class StageForm(forms.Form):
    name = forms.CharField(label=_("赛段名称"), max_length=20)
    advance_rule = forms.ChoiceField(label=_("晋级规则"), choices=AdvanceRule.choices)
    advance_n = forms.IntegerField(label=_("晋级人数（队数）"), min_value=1, required=False)
    advance_line = forms.DecimalField(label=_("晋级分数线"), max_digits=7, decimal_places=2, required=False)
    scores_needed = forms.TypedChoiceField(
        label=_("每个参赛单元的评分份数"),
        choices=[(1, _("一份")), (2, _("两份（双人评分或双录入，差值超出即待裁定）"))],
        coerce=int,
    )
    tolerance = forms.DecimalField(label=_("两份评分允许差值"), max_digits=6, decimal_places=2, initial=Decimal(2))
    blind = forms.BooleanField(label=_("盲评（评委只见参赛号）"), required=False)
    timed = forms.BooleanField(label=_("记录用时"), required=False)


class ItemForm(forms.Form):
    name = forms.CharField(label=_("评分项"), max_length=30)
    max_marks = forms.DecimalField(label=_("满分"), max_digits=6, decimal_places=2)
    weight = forms.DecimalField(label=_("权重"), max_digits=4, decimal_places=2, initial=Decimal(1))
    practical = forms.BooleanField(label=_("实操项（同分时先比实操）"), required=False)


class JudgeForm(forms.Form):
    id_number = forms.CharField(label=_("评委身份证号"), max_length=30)
    role = forms.CharField(label=_("身份（如劳动模范、高级技师）"), max_length=30, required=False)


class QuotaForm(forms.Form):
    org = OrgPickerField(label=_("基层工会"))
    places = forms.IntegerField(label=_("名额（留空为不限）"), min_value=0, required=False)


class EntryForm(forms.Form):
    org = OrgPickerField(label=_("报名工会"), perm=Perm.ORG_EDIT)
    member_nos = forms.CharField(
        label=_("会员编号"), widget=forms.Textarea(attrs={"rows": 2}), help_text=_("团体赛每行或以逗号分隔填写队员")
    )
    team_name = forms.CharField(label=_("队名（团体赛）"), max_length=50, required=False)

    def numbers(self) -> list[str]:
        raw = self.cleaned_data["member_nos"].replace("，", ",").replace("\n", ",")
        return [n.strip() for n in raw.split(",") if n.strip()]


class NoteForm(forms.Form):
    note = forms.CharField(label=_("裁定说明"), max_length=200)


class ObjectionResolveForm(forms.Form):
    decision = forms.ChoiceField(label=_("处理结果"), choices=[("reject", _("异议不成立")), ("uphold", _("异议成立"))])
    resolution = forms.CharField(label=_("处理意见"), max_length=500)


class ObjectionForm(forms.Form):
    text = forms.CharField(label=_("异议内容"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4}))
    contact_name = forms.CharField(label=_("联系人"), max_length=50, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)


def marks_from(post: QueryDict, items: list[SheetItem]) -> dict[str, Any]:
    """The sheet's marks as posted (field item_<id>), left for the service to check."""
    return {str(item.pk): post.get(f"item_{item.pk}", "") for item in items}


def seconds_from(post: QueryDict) -> int | None:
    raw = post.get("time_seconds", "").strip()
    return int(raw) if raw.isdigit() else None


def local_default(days: int) -> dt.datetime:
    return timezone.localtime() + dt.timedelta(days=days)
