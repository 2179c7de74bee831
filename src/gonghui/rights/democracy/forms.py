"""Workbench forms of 职代会 and 厂务公开."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.common.widgets import DateInput
from gonghui.rights.democracy.choices import (
    CongressProposalStatus,
    DisclosureChannel,
    DisclosureTopic,
    ResolutionSubject,
)
from gonghui.rights.democracy.motions import FollowUpFields
from gonghui.rights.democracy.services import Categories


class ListFilterForm(forms.Form):
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2100, widget=forms.NumberInput(attrs={"placeholder": _("年度")})
    )
    status = forms.ChoiceField(required=False, choices=[("", _("全部状态")), *CongressProposalStatus.choices])
    q = forms.CharField(required=False, max_length=50, widget=forms.TextInput(attrs={"placeholder": _("企业名称")}))
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)


class RepresentativeForm(forms.Form):
    member = forms.CharField(label=_("会员编号或身份证号"), max_length=30)
    term = forms.IntegerField(label=_("届次"), min_value=1, max_value=99)
    elected_on = forms.DateField(label=_("当选日期"), widget=DateInput())
    manager = forms.BooleanField(label=_("企业管理人员"), required=False)


class CategoriesForm(forms.Form):
    frontline = forms.BooleanField(label=_("一线职工"), required=False)
    industrial = forms.BooleanField(label=_("产业工人"), required=False)
    technician = forms.BooleanField(label=_("专业技术人员"), required=False)
    manager = forms.BooleanField(label=_("企业管理人员"), required=False)
    woman = forms.BooleanField(label=_("女职工"), required=False)

    def categories(self) -> Categories:
        return Categories(**self.cleaned_data)


class SessionForm(forms.Form):
    term = forms.IntegerField(label=_("届次"), min_value=1, max_value=99)
    number = forms.IntegerField(label=_("会次"), min_value=1, max_value=99)
    held_on = forms.DateField(label=_("召开日期"), widget=DateInput())
    attended = forms.IntegerField(label=_("实到代表（人）"), min_value=0, max_value=32767)
    agenda = forms.CharField(
        label=_("主要议程"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class _FollowUpFields(forms.Form):
    owner = forms.CharField(label=_("承办部门"), max_length=100, required=False)
    due_on = forms.DateField(label=_("办理期限"), required=False, widget=DateInput())

    def follow(self) -> FollowUpFields:
        d = self.cleaned_data
        return FollowUpFields(
            owner=d.get("owner", ""), due_on=d.get("due_on"), done_on=d.get("done_on"), outcome=d.get("outcome", "")
        )


class ProposalForm(_FollowUpFields):
    title = forms.CharField(label=_("提案"), max_length=100)
    by = forms.TypedChoiceField(label=_("提案人"), required=False, coerce=int, empty_value=None)
    field_order = ["title", "by", "owner", "due_on"]

    def __init__(self, *args: Any, reps: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        by: Any = self.fields["by"]
        by.choices = [("", _("（不指定）")), *((r.pk, r.membership.person.name) for r in reps or [])]


class ResolutionForm(_FollowUpFields):
    subject = forms.ChoiceField(label=_("事项"), choices=ResolutionSubject.choices)
    title = forms.CharField(label=_("决议"), max_length=100)
    votes_for = forms.IntegerField(label=_("赞成票"), min_value=0, max_value=32767)
    votes_against = forms.IntegerField(label=_("反对票"), min_value=0, max_value=32767, initial=0)
    votes_abstain = forms.IntegerField(label=_("弃权票"), min_value=0, max_value=32767, initial=0)
    field_order = ["subject", "title", "votes_for", "votes_against", "votes_abstain", "owner", "due_on"]


class FollowForm(_FollowUpFields):
    status = forms.ChoiceField(label=_("状态"), choices=CongressProposalStatus.choices, required=False)
    done_on = forms.DateField(label=_("办结日期"), required=False, widget=DateInput())
    outcome = forms.CharField(label=_("办理结果"), max_length=500, required=False)


class DisclosureForm(forms.Form):
    topic = forms.ChoiceField(label=_("公开事项类别"), choices=DisclosureTopic.choices)
    title = forms.CharField(label=_("公开内容"), max_length=200)
    disclosed_on = forms.DateField(label=_("公开日期"), widget=DateInput())
    channel = forms.ChoiceField(label=_("公开形式"), choices=DisclosureChannel.choices)
    session = forms.TypedChoiceField(label=_("职代会会议"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, sessions: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["session"]
        field.choices = [("", _("（不在职代会上公开）")), *((s.pk, str(s)) for s in sessions or [])]
