"""Forms of 合理化建议."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_fields import yuan
from gonghui.common.widgets import DateInput
from gonghui.innovation.choices import (
    ADOPTED_ANY,
    ProposalStatus,
)
from gonghui.innovation.form_base import OrgCodeMixin, limit_choices
from gonghui.innovation.proposals.selectors import ProposalFilters
from gonghui.orgs.drilldown import SpanForm
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.org_field import OrgPickerField


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
        limit_choices(self, "enterprise", enterprises)


class ProposalDecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("route", ""), ("adopt", ""), ("decline", ""), ("implement", "")])
    reason = forms.CharField(label=_("处理意见"), max_length=500, required=False)
    implemented_on = forms.DateField(label=_("实施日期"), required=False, widget=DateInput())
    value_saved = yuan(_("创效/节约（元）"), required=False)
    evidence = forms.CharField(label=_("效益依据"), max_length=200, required=False)


class ProposalFilterForm(SpanForm):
    """The proposal list's filters (the 合理化建议 figures' drill-down): `start`/`end` bound the day a proposal
    was made (提交), as the figures count a period; the view reads `under`."""

    start = forms.DateField(label=_("提交日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("提交日期到"), required=False, widget=DateInput())
    status = forms.ChoiceField(
        label=_("状态"),
        choices=[("", _("全部状态")), (ADOPTED_ANY, _("已采纳（含已实施）")), *ProposalStatus.choices],
        required=False,
    )
    year = forms.IntegerField(label=_("年度"), required=False)
    under = OrgPickerField(label=_("工会组织"), required=False, help_text="")

    def filters(self, under: OrgNode | None) -> ProposalFilters:
        start, end = self.span()
        d = self.cleaned_data
        return ProposalFilters(status=d["status"], under=under, year=d["year"], start=start, end=end)
