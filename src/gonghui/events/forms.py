"""Forms of the events domain (workbench and the worker's phone)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gonghui.common.widgets import DateInput, DateTimeInput
from gonghui.events.choices import SOCIAL_FIELDS, EventKind, EventStatus, VisitorCategory
from gonghui.events.selectors import EventFilters
from gonghui.events.services import EventFields
from gonghui.events.social import ProfileFields
from gonghui.members.choices import EmploymentForm
from gonghui.orgs.drilldown import SpanForm
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.stations.models import Station
from gonghui.stations.selectors import stations_for

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


def _when(label: Any, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(label=label, required=required, widget=DateTimeInput(), input_formats=DATETIME_FORMATS)


class EventForm(forms.Form):
    org = OrgPickerField(label=_("主办工会"), perm=Perm.ORG_EDIT)
    kind = forms.ChoiceField(label=_("类型"), choices=EventKind.choices)
    title = forms.CharField(label=pgettext_lazy("event", "活动名称"), max_length=100)
    description = forms.CharField(
        label=_("活动介绍"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    starts_at = _when(_("开始时间"))
    ends_at = _when(_("结束时间"))
    station = forms.ModelChoiceField(label=_("活动阵地"), queryset=Station.objects.none(), required=False)
    address = forms.CharField(label=_("活动地点"), max_length=200, required=False, help_text=_("不在阵地举办时填写"))
    capacity = forms.IntegerField(label=pgettext_lazy("event places", "名额"), min_value=1, max_value=100_000)
    audience_org = OrgPickerField(
        label=_("面向工会"), perm=Perm.VIEW, required=False, help_text=_("留空则面向主办工会及其下级工会的会员")
    )
    members_only = forms.BooleanField(label=_("仅限会员"), required=False, initial=True)
    employment_form = forms.ChoiceField(
        label=_("限定对象"), choices=[("", _("不限")), *EmploymentForm.choices], required=False
    )
    women_only = forms.BooleanField(label=_("仅限女职工"), required=False)
    signup_opens_at = _when(_("报名开始"), required=False)
    signup_closes_at = _when(_("报名截止"), required=False)
    fee = forms.DecimalField(label=_("费用（元）"), min_value=0, max_digits=8, decimal_places=2, initial=0)
    team_size_min = forms.IntegerField(label=_("每队最少人数"), min_value=0, max_value=200, initial=0)
    team_size_max = forms.IntegerField(
        label=_("每队最多人数"), min_value=0, max_value=200, initial=0, help_text=_("0 表示个人报名")
    )
    teams_per_union = forms.IntegerField(label=_("每个工会限报队数"), min_value=1, max_value=50, initial=1)
    walk_ins = forms.BooleanField(label=_("允许现场参加"), required=False, initial=True)
    check_out = forms.BooleanField(label=_("需要签退"), required=False)

    def __init__(self, *args: Any, user: Any, fixed_org: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = stations_for(user, active=True).order_by("name")  # type: ignore[attr-defined]
        if fixed_org:
            del self.fields["org"]

    def clean(self) -> dict[str, Any]:
        # Said together with the other field errors, not a round later by the service.
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("结束时间须晚于开始时间。"))
        return data

    def event_fields(self, audience: Any = None) -> EventFields:
        d = self.cleaned_data
        return EventFields(
            kind=d["kind"],
            title=d["title"],
            description=d["description"],
            starts_at=d["starts_at"],
            ends_at=d["ends_at"],
            station=d["station"],
            address=d["address"],
            capacity=d["capacity"],
            audience_org=audience,
            members_only=d["members_only"],
            employment_form=d["employment_form"],
            women_only=d["women_only"],
            signup_opens_at=d["signup_opens_at"],
            signup_closes_at=d["signup_closes_at"],
            fee=d["fee"],
            team_size_min=d["team_size_min"],
            team_size_max=d["team_size_max"],
            teams_per_union=d["teams_per_union"],
            walk_ins=d["walk_ins"],
            check_out=d["check_out"],
        )


class EventFilterForm(SpanForm):
    """The event list's filters (the 活动 figures' drill-down): `start`/`end` bound the day an event starts, as
    the figures count a period; the view reads `under`."""

    start = forms.DateField(label=_("开始日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("开始日期到"), required=False, widget=DateInput())
    q = forms.CharField(
        required=False, max_length=50, widget=forms.TextInput(attrs={"placeholder": pgettext_lazy("event", "活动名称")})
    )
    status = forms.ChoiceField(required=False, choices=[("", _("全部状态")), *EventStatus.choices])
    kind = forms.ChoiceField(required=False, choices=[("", _("全部类型")), *EventKind.choices])
    when = forms.ChoiceField(
        required=False, choices=[("", _("全部时间")), ("upcoming", _("未结束")), ("past", _("已结束"))]
    )
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2100, widget=forms.NumberInput(attrs={"placeholder": _("年度")})
    )
    under = forms.CharField(required=False, widget=forms.HiddenInput)
    items = forms.ChoiceField(  # "0": main events only, as the figures count them (a meeting's items are not)
        required=False, choices=[("", _("含项目")), ("0", _("不含运动会项目"))]
    )

    def filters(self, under: OrgNode | None) -> EventFilters:
        d = self.cleaned_data
        start, end = self.span()
        return EventFilters(
            status=d["status"],
            kind=d["kind"],
            under=under,
            year=d["year"],
            q=d["q"],
            start=start,
            end=end,
            when=d["when"],
            items=d["items"],
        )


class TeamForm(forms.Form):
    org = OrgPickerField(label=_("报名工会"), perm=Perm.ORG_EDIT)
    name = forms.CharField(label=_("队名"), max_length=50)
    member_nos = forms.CharField(
        label=_("队员会员号"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("每行一个会员号，或用逗号分隔"),
    )

    def numbers(self) -> list[str]:
        text = self.cleaned_data["member_nos"]
        for separator in "，,、;；\t ":
            text = text.replace(separator, "\n")
        return [n.strip() for n in text.splitlines() if n.strip()]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=200)


class SummaryForm(forms.Form):
    summary = forms.CharField(label=_("活动小结"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class PhotoForm(forms.Form):
    image = forms.FileField(label=_("照片"))
    caption = forms.CharField(label=_("说明"), max_length=100, required=False)
    as_cover = forms.BooleanField(label=_("用作报名页封面"), required=False)


class ScanForm(forms.Form):
    token = forms.CharField(label=_("票券或会员码"), max_length=500, required=False)
    nonce = forms.CharField(max_length=64, widget=forms.HiddenInput)
    direction = forms.ChoiceField(label=_("方向"), choices=[("in", _("签到")), ("out", _("签退"))], initial="in")
    category = forms.ChoiceField(label=_("无码现场人员"), required=False, choices=[("", "—"), *VisitorCategory.choices])


class SocialProfileForm(forms.Form):
    opted_in = forms.BooleanField(label=_("我是单身，愿意参加交友联谊"), required=False)
    nickname = forms.CharField(label=_("昵称"), max_length=20, required=False)
    birth_year = forms.IntegerField(label=_("出生年份"), required=False)
    height_cm = forms.IntegerField(label=_("身高（厘米）"), required=False)
    hometown = forms.CharField(label=_("家乡"), max_length=30, required=False)
    occupation = forms.CharField(label=_("职业"), max_length=30, required=False)
    education = forms.CharField(label=_("学历"), max_length=20, required=False)
    intro = forms.CharField(
        label=_("自我介绍"), max_length=200, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    shown = forms.MultipleChoiceField(
        label=_("向其他参加者公开"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("birth_year", _("出生年份")),
            ("height_cm", _("身高")),
            ("hometown", _("家乡")),
            ("occupation", _("职业")),
            ("education", _("学历")),
            ("intro", _("自我介绍")),
        ],
    )

    def profile_fields(self) -> ProfileFields:
        d = self.cleaned_data
        return ProfileFields(
            opted_in=d["opted_in"],
            nickname=d["nickname"],
            birth_year=d["birth_year"],
            height_cm=d["height_cm"],
            hometown=d["hometown"],
            occupation=d["occupation"],
            education=d["education"],
            intro=d["intro"],
            shown=tuple(f for f in d["shown"] if f in SOCIAL_FIELDS),
        )
